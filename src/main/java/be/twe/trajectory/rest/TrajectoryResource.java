package be.twe.trajectory.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.TrajectoriesApi;
import be.twe.api.model.AccessLogPage;
import be.twe.api.model.TrajectoryEnd;
import be.twe.api.model.TrajectoryInput;
import be.twe.api.model.TrajectoryPage;
import be.twe.api.model.TrajectoryStatus;
import be.twe.api.model.TrajectoryUpdate;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.privacy.AccessLog;
import be.twe.common.privacy.AccessLogQueries;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.sync.idempotency.Idempotent;
import be.twe.trajectory.service.EndReason;
import be.twe.trajectory.persistence.TrajectoryRepository;
import be.twe.trajectory.service.TrajectoryReads;
import be.twe.trajectory.service.TrajectoryReferences;
import be.twe.trajectory.service.TrajectoryService;
import be.twe.trajectory.service.TrajectoryView;
import io.quarkus.security.Authenticated;

public class TrajectoryResource implements TrajectoriesApi {
    @Inject
    MergePatches patches;
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    TrajectoryService service;
    @Inject
    TrajectoryReads reads;
    @Inject
    TrajectoryReferences references;
    @Inject
    TrajectoryMapper mapper;
    @Inject
    AccessLog accessLog;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listTrajectories(String ocmwId, String nisCode, TrajectoryStatus status, LocalDate startFrom,
                                     LocalDate startTo, OffsetDateTime modifiedSince, Integer limit, String cursor) {
        Boolean open = status == null ? null : status == TrajectoryStatus.OPEN;
        Slice<TrajectoryView> slice = reads.list(
                new TrajectoryRepository.Criteria(ocmwId, nisCode, open, startFrom, startTo, modifiedSince), limit, cursor);
        accessLog.read("listTrajectories", slice.items().stream().map(TrajectoryResource::read).toList());
        return Response.ok(new TrajectoryPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    public Response createTrajectory(TrajectoryInput in, String idempotencyKey) {
        return created(service.create(mapper.toNew(in)));
    }

    @Override
    @Authenticated
    public Response getTrajectoryByReference(String externalReference, String ifNoneMatch) {
        TrajectoryView view = references.get(externalReference);
        accessLog.read("getTrajectoryByReference", read(view));
        return ETags.read(mapper.toDto(view), view.trajectory().version, ifNoneMatch);
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Replaces(givenByPath = "externalReference")
    public Response createOrUpdateTrajectoryByReference(String externalReference, TrajectoryInput in, String ifMatch) {
        TrajectoryReferences.Put put = references.put(externalReference, mapper.toNew(in), IfMatch.of(ifMatch));
        TrajectoryView view = put.trajectory();
        return put.created() ? created(view) : ETags.read(mapper.toDto(view), view.trajectory().version, null);
    }

    @Override
    @Authenticated
    public Response getTrajectory(UUID trajectoryId, String ifNoneMatch) {
        TrajectoryView view = reads.get(trajectoryId);
        accessLog.read("getTrajectory", read(view));
        return ETags.read(mapper.toDto(view), view.trajectory().version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listTrajectoryAccessLog(UUID trajectoryId, Integer limit, String cursor) {
        Slice<AccessLogQueries.Row> slice = service.accessLog(trajectoryId, limit, cursor);
        return Response.ok(new AccessLogPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    private static AccessLog.Read read(TrajectoryView view) {
        return new AccessLog.Read(view.trajectory().ocmwId, view.trajectory().id, "trajectory",
                view.trajectory().id.toString());
    }


    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Replaces
    public Response updateTrajectory(UUID trajectoryId, String ifMatch, TrajectoryUpdate in) {
        return withETag(service.update(trajectoryId, IfMatch.of(ifMatch), new TrajectoryService.Change(in.getCoachId(),
                in.getExternalReference(), in.getAtWorkAtMeasurement(), in.getAtWorkWithin12Months())));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response patchTrajectory(UUID trajectoryId, String ifMatch, Map<String, Object> patch) {
        return updateTrajectory(trajectoryId, ifMatch,
                patches.apply(mapper.toDto(reads.get(trajectoryId)), patch, TrajectoryUpdate.class));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response endTrajectory(UUID trajectoryId, String ifMatch, TrajectoryEnd in) {
        return withETag(service.end(trajectoryId, IfMatch.of(ifMatch), new TrajectoryService.Ending(in.getEndDate(),
                EndReason.valueOf(in.getEndReason().name()), in.getEndAdvice())));
    }

    private Response created(TrajectoryView view) {
        return links.created(links.to("trajectories", view.trajectory().id))
                .header("ETag", ETags.of(view.trajectory().version))
                .entity(mapper.toDto(view)).build();
    }

    private Response withETag(TrajectoryView view) {
        return ETags.read(mapper.toDto(view), view.trajectory().version, null);
    }
}
