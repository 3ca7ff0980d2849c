package be.twe.municipality.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.MunicipalitiesApi;
import be.twe.api.model.MunicipalityPage;
import be.twe.api.model.ProvinceNisCode;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.municipality.persistence.MunicipalityEntity;
import be.twe.municipality.service.MunicipalityService;
import io.quarkus.security.Authenticated;

public class MunicipalityResource implements MunicipalitiesApi {
    @Inject
    PageLinks pageLinks;
    @Inject
    MunicipalityService service;
    @Inject
    MunicipalityMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listMunicipalities(ProvinceNisCode province, Integer year, Integer limit, String cursor) {
        Slice<MunicipalityEntity> slice = service.list(province == null ? null : province.toString(), year, limit, cursor);
        return Response.ok(new MunicipalityPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @Authenticated
    public Response getMunicipality(String nisCode, Integer year) {
        return Response.ok(mapper.toDto(service.get(nisCode, year))).build();
    }
}
