package be.twe.helpdesk.rest;

import java.util.List;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import be.twe.api.model.HelpdeskRegistration;
import be.twe.api.model.HelpdeskRequest;
import be.twe.helpdesk.persistence.HelpdeskRegistrationEntity;
import be.twe.helpdesk.service.HelpdeskRequestService;

@Mapper
public interface HelpdeskMapper {

    @Mapping(target = "id", expression = "java(view.request().id)")
    @Mapping(target = "ocmwId", expression = "java(view.request().ocmwId)")
    @Mapping(target = "trajectoryId", expression = "java(view.request().trajectoryId)")
    @Mapping(target = "kind", source = "request.kind")
    @Mapping(target = "description", expression = "java(view.request().description)")
    @Mapping(target = "status", source = "request.status")
    @Mapping(target = "requestedBy", expression = "java(view.request().requestedBy)")
    @Mapping(target = "requestedAt", expression = "java(view.request().requestedAt)")
    @Mapping(target = "answer", expression = "java(view.request().answer)")
    @Mapping(target = "answeredAt", expression = "java(view.request().answeredAt)")
    @Mapping(target = "version", expression = "java(view.request().version)")
    @Mapping(target = "removeRegistrationsItem", ignore = true)
    HelpdeskRequest toDto(HelpdeskRequestService.View view);

    List<HelpdeskRequest> toDtos(List<HelpdeskRequestService.View> views);

    @Mapping(target = "resourceType",
            expression = "java(HelpdeskRegistration.ResourceTypeEnum.fromValue(registration.resourceType))")
    HelpdeskRegistration toDto(HelpdeskRegistrationEntity registration);
}
