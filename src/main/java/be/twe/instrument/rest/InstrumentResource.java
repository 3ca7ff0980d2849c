package be.twe.instrument.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.InstrumentsApi;
import be.twe.api.model.InstrumentEnd;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentPage;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ETags;
import be.twe.common.security.Roles;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.service.InstrumentService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class InstrumentResource implements InstrumentsApi {
    @Inject
    InstrumentService service;
    @Inject
    InstrumentMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listInstruments(UUID trajectoryId, Integer limit, String cursor) {
        Slice<InstrumentEntity> slice = service.list(trajectoryId, limit, cursor);
        return Response.ok(new InstrumentPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(PageLinks.next(uri, slice))).build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    public Response createInstrument(UUID trajectoryId, InstrumentInput input, String idempotencyKey) {
        InstrumentEntity instrument = service.create(trajectoryId, mapper.toNew(input));
        URI location = uri.getAbsolutePathBuilder().path(instrument.id.toString()).build();
        return Response.created(location).header("ETag", ETags.of(instrument.version))
                .entity(mapper.toDto(instrument)).build();
    }

    @Override
    @Authenticated
    public Response getInstrument(UUID trajectoryId, UUID instrumentId, String ifNoneMatch) {
        InstrumentEntity instrument = service.get(trajectoryId, instrumentId);
        return ETags.read(mapper.toDto(instrument), instrument.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response updateInstrument(UUID trajectoryId, UUID instrumentId, InstrumentInput input, String ifMatch) {
        return withETag(service.update(trajectoryId, instrumentId, ifMatch, mapper.toNew(input)));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response endInstrument(UUID trajectoryId, UUID instrumentId, InstrumentEnd end, String ifMatch) {
        return withETag(service.end(trajectoryId, instrumentId, ifMatch, new InstrumentService.Ending(
                end.getEndDate(), end.getOutcome().toString(), end.getStopReason())));
    }

    private Response withETag(InstrumentEntity instrument) {
        return ETags.read(mapper.toDto(instrument), instrument.version, null);
    }
}
