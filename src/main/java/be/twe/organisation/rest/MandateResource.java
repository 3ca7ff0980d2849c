package be.twe.organisation.rest;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.MandatesApi;
import be.twe.api.model.MandatePage;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.organisation.persistence.MandateEntity;
import be.twe.organisation.service.OrganisationService;
import io.quarkus.security.Authenticated;

public class MandateResource implements MandatesApi {
    @Inject
    PageLinks pageLinks;
    @Inject
    OrganisationService service;
    @Inject
    OrganisationMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listMandates(String organisationId, LocalDate validOn, Integer limit, String cursor) {
        Slice<MandateEntity> slice = service.mandates(organisationId, validOn, limit, cursor);
        return Response.ok(new MandatePage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice))).build();
    }
}
