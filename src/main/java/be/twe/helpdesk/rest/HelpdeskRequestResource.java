package be.twe.helpdesk.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.HelpdeskApi;
import be.twe.api.model.HelpdeskAnswer;
import be.twe.api.model.HelpdeskRequestInput;
import be.twe.api.model.HelpdeskRequestKind;
import be.twe.api.model.HelpdeskRequestPage;
import be.twe.api.model.HelpdeskRequestStatus;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.security.Roles;
import be.twe.helpdesk.service.HelpdeskRequestService.View;
import be.twe.helpdesk.service.HelpdeskRequestService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class HelpdeskRequestResource implements HelpdeskApi {
    @Inject
    HelpdeskRequestService service;
    @Inject
    HelpdeskMapper mapper;
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    public Response createHelpdeskRequest(HelpdeskRequestInput in, String idempotencyKey) {
        View view = service.create(new HelpdeskRequestService.NewRequest(in.getOcmwId(),
                be.twe.helpdesk.persistence.HelpdeskRequestKind.valueOf(in.getKind().name()),
                in.getTrajectoryId(), in.getDescription()));
        return links.created(links.to("helpdesk-requests", view.request().id))
                .header("ETag", ETags.of(view.request().version)).entity(mapper.toDto(view)).build();
    }

    @Override
    @Authenticated
    public Response listHelpdeskRequests(HelpdeskRequestStatus status, HelpdeskRequestKind kind, String ocmwId,
                                         Integer limit, String cursor) {
        Slice<View> slice = service.list(
                status == null ? null : be.twe.helpdesk.persistence.HelpdeskRequestStatus.valueOf(status.name()),
                kind == null ? null : be.twe.helpdesk.persistence.HelpdeskRequestKind.valueOf(kind.name()), ocmwId, limit, cursor);
        return Response.ok(new HelpdeskRequestPage().items(mapper.toDtos(slice.items()))
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getHelpdeskRequest(UUID requestId, String ifNoneMatch) {
        View view = service.get(requestId);
        return ETags.read(mapper.toDto(view), view.request().version, ifNoneMatch);
    }

    @Override
    @Authenticated // VDAB's helpdesk only: the service says vdab-only or missing-role after the 404 of an unseen request
    public Response answerHelpdeskRequest(UUID requestId, String ifMatch, HelpdeskAnswer in) {
        View view = service.answer(requestId, IfMatch.of(ifMatch), new HelpdeskRequestService.Answer(
                be.twe.helpdesk.persistence.HelpdeskRequestStatus.valueOf(in.getOutcome().name()),
                in.getAnswer(), in.getRegistrations() == null ? List.of() : in.getRegistrations().stream()
                        .map(r -> new HelpdeskRequestService.Registration(r.getResourceType().toString(),
                                r.getResourceId())).toList()));
        return ETags.read(mapper.toDto(view), view.request().version, null);
    }
}
