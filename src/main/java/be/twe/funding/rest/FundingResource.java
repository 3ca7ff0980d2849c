package be.twe.funding.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import be.twe.api.FundingApi;
import be.twe.funding.service.FundingService;
import io.quarkus.security.Authenticated;

public class FundingResource implements FundingApi {
    @Inject
    FundingService service;
    @Inject
    FundingMapper mapper;

    @Override
    @Authenticated
    public Response getFundingReport(String organisationId, String quarter) {
        return Response.ok(mapper.toDto(service.report(organisationId, quarter))).build();
    }
}
