package be.twe.transfer.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.TransfersApi;
import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.ProvinceNisCode;
import be.twe.api.model.TransferAnswer;
import be.twe.api.model.TransferDispatch;
import be.twe.api.model.TransferInput;
import be.twe.api.model.TransferNote;
import be.twe.api.model.TransferPage;
import be.twe.api.model.TransferQuestion;
import be.twe.api.model.TransferReason;
import be.twe.api.model.TransferStatus;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.privacy.AccessLog;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.security.Roles;
import be.twe.sync.idempotency.Idempotent;
import be.twe.trajectory.service.EndReason;
import be.twe.transfer.persistence.FollowUpType;
import be.twe.transfer.persistence.TransferChannel;
import be.twe.transfer.service.HandOverService;
import be.twe.transfer.service.NewTransfer;
import be.twe.transfer.service.TransferService;
import be.twe.transfer.service.TransferView;
import be.twe.transfer.service.Transition;
import io.quarkus.security.Authenticated;

public class TransferResource implements TransfersApi {
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    TransferService service;
    @Inject
    HandOverService handOver;
    @Inject
    TransferMapper mapper;
    @Inject
    AccessLog accessLog;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listTrajectoryTransfers(UUID trajectoryId, Integer limit, String cursor) {
        Slice<TransferView> slice = service.ofTrajectory(trajectoryId, limit, cursor);
        accessLog.read("listTrajectoryTransfers", reads(slice));
        return Response.ok(new TransferPage().items(mapper.toDtos(slice.items())).next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor()))
                .build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.SPOC, Roles.HELPDESK})
    @Idempotent
    public Response createTransfer(UUID trajectoryId, TransferInput in, String idempotencyKey) {
        NewTransfer.End end = in.getTrajectoryEnd() == null ? null : new NewTransfer.End(
                EndReason.valueOf(in.getTrajectoryEnd().getEndReason().name()), in.getTrajectoryEnd().getEndAdvice());
        TransferView view = service.create(trajectoryId, new NewTransfer(
                be.twe.transfer.persistence.TransferReason.valueOf(in.getReason().name()),
                in.getReasonText(), TransferChannel.valueOf(in.getChannel().name()), in.getTransferDate(), end));
        return links.created(links.to("transfers", view.transfer().id))
                .header("ETag", ETags.of(view.transfer().version))
                .entity(mapper.toDto(view)).build();
    }

    @Override
    @Authenticated
    public Response listTransfers(TransferStatus status, ProvinceNisCode province, String ocmwId,
                                  TransferReason reason, Integer olderThanDays, Integer limit, String cursor) {
        Slice<TransferView> slice = service.list(
                status == null ? null : be.twe.transfer.persistence.TransferStatus.valueOf(status.toString()),
                province == null ? null : province.toString(), ocmwId,
                reason == null ? null : be.twe.transfer.persistence.TransferReason.valueOf(reason.name()),
                olderThanDays, limit, cursor);
        accessLog.read("listTransfers", reads(slice));
        return Response.ok(new TransferPage().items(mapper.toDtos(slice.items())).next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor()))
                .build();
    }

    @Override
    @Authenticated
    public Response getTransfer(UUID transferId, String ifNoneMatch) {
        TransferView view = service.get(transferId);
        accessLog.read("getTransfer", read(view));
        return ETags.read(mapper.toDto(view), view.transfer().version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.SPOC)
    public Response acknowledgeTransfer(UUID transferId, String ifMatch, TransferNote in) {
        return withETag(handOver.take(transferId, IfMatch.of(ifMatch), Transition.ACKNOWLEDGE,
                HandOverService.Step.note(in == null ? null : in.getNote())));
    }

    @Override
    @RolesAllowed(Roles.SPOC)
    public Response dispatchTransfer(UUID transferId, String ifMatch, TransferDispatch in) {
        return withETag(handOver.take(transferId, IfMatch.of(ifMatch), Transition.DISPATCH, new HandOverService.Step(
                in.getNote(), in.getDestinationKind().toString(), in.getDestination())));
    }

    @Override
    @RolesAllowed(Roles.SPOC)
    public Response returnTransfer(UUID transferId, String ifMatch, TransferQuestion in) {
        return withETag(handOver.take(transferId, IfMatch.of(ifMatch), Transition.RETURN,
                HandOverService.Step.note(in.getQuestion())));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response answerTransfer(UUID transferId, String ifMatch, TransferAnswer in) {
        return withETag(handOver.take(transferId, IfMatch.of(ifMatch), Transition.ANSWER,
                HandOverService.Step.note(in.getAnswer())));
    }

    @Override
    @RolesAllowed(Roles.SPOC)
    @Idempotent
    public Response recordFollowUpAction(UUID transferId, FollowUpActionInput in, String idempotencyKey) {
        return Response.status(Response.Status.CREATED).entity(mapper.toDto(handOver.recordFollowUp(transferId,
                new HandOverService.NewFollowUp(FollowUpType.valueOf(in.getType().name()), in.getStartDate(), in.getEndDate(),
                        in.getDescription())))).build();
    }

    private static List<AccessLog.Read> reads(Slice<TransferView> slice) {
        return slice.items().stream().map(TransferResource::read).toList();
    }

    private static AccessLog.Read read(TransferView view) {
        return new AccessLog.Read(view.transfer().ocmwId, view.transfer().trajectoryId, "transfer",
                view.transfer().id.toString());
    }

    private Response withETag(TransferView view) {
        return ETags.read(mapper.toDto(view), view.transfer().version, null);
    }
}
