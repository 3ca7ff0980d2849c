package be.twe.organisation.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.OrganisationsApi;
import be.twe.api.model.OrganisationKind;
import be.twe.api.model.OrganisationPage;
import be.twe.api.model.ProvinceNisCode;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.organisation.persistence.OrganisationEntity;
import be.twe.organisation.service.OrganisationService;
import io.quarkus.security.Authenticated;

public class OrganisationResource implements OrganisationsApi {
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
    public Response listOrganisations(OrganisationKind kind, ProvinceNisCode province, String nisCode, String cluster,
                                      Integer limit, String cursor) {
        Slice<OrganisationEntity> slice = service.list(
                kind == null ? null : be.twe.common.tenancy.OrganisationKind.valueOf(kind.toString()),
                province == null ? null : province.toString(), nisCode, cluster, limit, cursor);
        return Response.ok(new OrganisationPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getOrganisation(String organisationId) {
        return Response.ok(mapper.toDto(service.get(organisationId))).build();
    }
}
