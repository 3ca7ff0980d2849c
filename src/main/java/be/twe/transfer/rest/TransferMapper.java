package be.twe.transfer.rest;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.FollowUpAction;
import be.twe.api.model.Transfer;
import be.twe.api.model.TransferStep;
import be.twe.transfer.persistence.FollowUpActionEntity;
import be.twe.transfer.persistence.TransferStepEntity;
import be.twe.transfer.service.TransferView;

@Mapper
public interface TransferMapper {

    @Mapping(target = "id", expression = "java(view.transfer().id)")
    @Mapping(target = "trajectoryId", expression = "java(view.transfer().trajectoryId)")
    @Mapping(target = "ocmwId", expression = "java(view.transfer().ocmwId)")
    @Mapping(target = "reason", source = "transfer.reason")
    @Mapping(target = "reasonText", expression = "java(view.transfer().reasonText)")
    @Mapping(target = "channel", source = "transfer.channel")
    @Mapping(target = "transferDate", expression = "java(view.transfer().transferDate)")
    @Mapping(target = "trajectoryEndDate", expression = "java(view.trajectory().endDate())")
    @Mapping(target = "trajectoryEndReason",
            source = "trajectory.endReason")
    @Mapping(target = "endAdvice", expression = "java(view.trajectory().endAdvice())")
    @Mapping(target = "status",
            expression = "java(be.twe.api.model.TransferStatus.fromValue(view.transfer().status.name()))")
    @Mapping(target = "statusSince", expression = "java(view.transfer().statusSince)")
    @Mapping(target = "requestedBy", expression = "java(view.transfer().requestedBy)")
    @Mapping(target = "onBehalf", expression = "java(view.transfer().onBehalf)")
    @Mapping(target = "createdAt", expression = "java(view.transfer().createdAt)")
    @Mapping(target = "version", expression = "java(view.transfer().version)")
    @Mapping(target = "removeStepsItem", ignore = true)
    @Mapping(target = "removeFollowUpActionsItem", ignore = true)
    Transfer toDto(TransferView view);

    List<Transfer> toDtos(List<TransferView> views);

    @Mapping(target = "destinationKind",
            expression = "java(step.destinationKind == null ? null : be.twe.api.model.TransferStep.DestinationKindEnum.fromValue(step.destinationKind))")
    TransferStep toDto(TransferStepEntity step);

    FollowUpAction toDto(FollowUpActionEntity action);
}
