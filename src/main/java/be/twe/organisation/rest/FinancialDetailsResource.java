package be.twe.organisation.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.FinancialDetailsApi;
import be.twe.api.model.AuditEventPage;
import be.twe.api.model.FinancialDetailsUpdate;
import be.twe.common.audit.AuditEventEntity;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.organisation.persistence.FinancialDetailsEntity;
import be.twe.organisation.service.FinancialDetailsService;

public class FinancialDetailsResource implements FinancialDetailsApi {
    @Inject
    MergePatches patches;
    @Inject
    PageLinks pageLinks;
    @Inject
    FinancialDetailsService service;
    @Inject
    OrganisationMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response getFinancialDetails(String organisationId, String ifNoneMatch) {
        FinancialDetailsEntity details = service.get(organisationId);
        return ETags.read(mapper.toDto(details), details.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Replaces
    public Response updateFinancialDetails(String organisationId, String ifMatch, FinancialDetailsUpdate update) {
        return withETag(service.update(organisationId, IfMatch.of(ifMatch), update.getKboNumber(), update.getIban()));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response patchFinancialDetails(String organisationId, String ifMatch, Map<String, Object> patch) {
        return updateFinancialDetails(organisationId, ifMatch,
                patches.apply(mapper.toDto(service.get(organisationId)), patch, FinancialDetailsUpdate.class));
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response listAuditEvents(String organisationId, Integer limit, String cursor) {
        Slice<AuditEventEntity> slice = service.auditTrail(organisationId, limit, cursor);
        return Response.ok(new AuditEventPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    private Response withETag(FinancialDetailsEntity details) {
        return ETags.read(mapper.toDto(details), details.version, null);
    }
}
