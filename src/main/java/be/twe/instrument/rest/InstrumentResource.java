package be.twe.instrument.rest;

import java.util.Map;
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
import be.twe.common.privacy.AccessLog;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentOutcome;
import be.twe.instrument.service.InstrumentReferences;
import be.twe.instrument.service.InstrumentService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class InstrumentResource implements InstrumentsApi {
    @Inject
    MergePatches patches;
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    InstrumentService service;
    @Inject
    InstrumentReferences references;
    @Inject
    InstrumentMapper mapper;
    @Inject
    AccessLog accessLog;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listInstruments(UUID trajectoryId, Integer limit, String cursor) {
        Slice<InstrumentEntity> slice = service.list(trajectoryId, limit, cursor);
        accessLog.read("listInstruments", slice.items().stream().map(InstrumentResource::read).toList());
        return Response.ok(new InstrumentPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    public Response createInstrument(UUID trajectoryId, InstrumentInput input, String idempotencyKey) {
        return created(service.create(trajectoryId, mapper.toNew(input)));
    }

    @Override
    @Authenticated
    public Response getInstrumentByReference(UUID trajectoryId, String externalReference, String ifNoneMatch) {
        InstrumentEntity instrument = references.get(trajectoryId, externalReference);
        accessLog.read("getInstrumentByReference", read(instrument));
        return ETags.read(mapper.toDto(instrument), instrument.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Replaces(givenByPath = "externalReference")
    public Response createOrUpdateInstrumentByReference(UUID trajectoryId, String externalReference,
                                                        InstrumentInput input, String ifMatch) {
        InstrumentReferences.Put put = references.put(trajectoryId, externalReference, mapper.toNew(input), IfMatch.of(ifMatch));
        return put.created() ? created(put.instrument())
                : ETags.read(mapper.toDto(put.instrument()), put.instrument().version, null);
    }

    @Override
    @Authenticated
    public Response getInstrument(UUID trajectoryId, UUID instrumentId, String ifNoneMatch) {
        InstrumentEntity instrument = service.get(trajectoryId, instrumentId);
        accessLog.read("getInstrument", read(instrument));
        return ETags.read(mapper.toDto(instrument), instrument.version, ifNoneMatch);
    }

    private static AccessLog.Read read(InstrumentEntity instrument) {
        return new AccessLog.Read(instrument.ocmwId, instrument.trajectoryId, "instrument", instrument.id.toString());
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Replaces
    public Response updateInstrument(UUID trajectoryId, UUID instrumentId, String ifMatch, InstrumentInput input) {
        return withETag(service.update(trajectoryId, instrumentId, IfMatch.of(ifMatch), mapper.toNew(input)));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response patchInstrument(UUID trajectoryId, UUID instrumentId, String ifMatch, Map<String, Object> patch) {
        return updateInstrument(trajectoryId, instrumentId, ifMatch, patches.apply(
                mapper.toDto(service.get(trajectoryId, instrumentId)), patch, InstrumentInput.class));
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response endInstrument(UUID trajectoryId, UUID instrumentId, String ifMatch, InstrumentEnd end) {
        return withETag(service.end(trajectoryId, instrumentId, IfMatch.of(ifMatch), new InstrumentService.Ending(
                end.getEndDate(), InstrumentOutcome.valueOf(end.getOutcome().name()), end.getStopReason())));
    }

    private Response created(InstrumentEntity instrument) {
        return links.created(links.to("trajectories", instrument.trajectoryId, "instruments", instrument.id))
                .header("ETag", ETags.of(instrument.version))
                .entity(mapper.toDto(instrument)).build();
    }

    private Response withETag(InstrumentEntity instrument) {
        return ETags.read(mapper.toDto(instrument), instrument.version, null);
    }
}
