package be.twe.organisation.rest;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.MandatesApi;
import be.twe.api.model.MandateInput;
import be.twe.api.model.MandatePage;
import be.twe.api.model.MandatePeriod;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.organisation.persistence.MandateEntity;
import be.twe.organisation.service.MandateService;
import be.twe.organisation.service.OrganisationService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class MandateResource implements MandatesApi {
    @Inject
    MergePatches patches;
    @Inject
    PageLinks pageLinks;
    @Inject
    OrganisationService service;
    @Inject
    OrganisationMapper mapper;
    @Inject
    MandateService mandates;
    @Inject
    Links links;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listMandates(String organisationId, LocalDate validOn, Integer limit, String cursor) {
        Slice<MandateEntity> slice = service.mandates(organisationId, validOn, limit, cursor);
        return Response.ok(new MandatePage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response listAllMandates(LocalDate validOn, String clusterId, String ocmwId, Integer limit, String cursor) {
        Slice<MandateEntity> slice = service.allMandates(clusterId, ocmwId, validOn, limit, cursor);
        return Response.ok(new MandatePage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    public Response createMandate(String organisationId, MandateInput input, String idempotencyKey) {
        MandateEntity mandate = mandates.grant(organisationId, input.getClusterId(), input.getValidFrom(),
                input.getValidTo());
        return links.created(links.to("mandates", mandate.id)).header("ETag", ETags.of(mandate.version))
                .entity(mapper.toDto(mandate)).build();
    }

    @Override
    @Authenticated
    public Response getMandate(UUID mandateId, String ifNoneMatch) {
        MandateEntity mandate = mandates.get(mandateId);
        return ETags.read(mapper.toDto(mandate), mandate.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Replaces
    public Response updateMandate(UUID mandateId, String ifMatch, MandatePeriod period) {
        MandateEntity mandate = mandates.change(mandateId, IfMatch.of(ifMatch), period.getValidFrom(), period.getValidTo());
        return ETags.read(mapper.toDto(mandate), mandate.version, null);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response patchMandate(UUID mandateId, String ifMatch, Map<String, Object> patch) {
        return updateMandate(mandateId, ifMatch,
                patches.apply(mapper.toDto(mandates.get(mandateId)), patch, MandatePeriod.class));
    }
}
