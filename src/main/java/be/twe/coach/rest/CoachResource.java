package be.twe.coach.rest;

import java.util.UUID;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.CoachesApi;
import be.twe.api.model.CoachInput;
import be.twe.api.model.CoachPage;
import be.twe.api.model.PartnerAgreementInput;
import be.twe.coach.persistence.CoachEntity;
import be.twe.coach.persistence.PartnerAgreementEntity;
import be.twe.coach.service.CoachService;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class CoachResource implements CoachesApi {
    @Inject
    MergePatches patches;
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    CoachService service;
    @Inject
    CoachMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listCoaches(String organisationId, Integer limit, String cursor) {
        Slice<CoachEntity> slice = service.list(organisationId, limit, cursor);
        return Response.ok(new CoachPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    public Response createCoach(String organisationId, CoachInput input, String idempotencyKey) {
        CoachEntity coach = service.create(organisationId, input.getName(), input.getTrainedOn());
        return links.created(links.to("organisations", organisationId, "coaches", coach.id))
                .header("ETag", ETags.of(coach.version)).entity(mapper.toDto(coach)).build();
    }

    @Override
    @Authenticated
    public Response getCoach(String organisationId, UUID coachId, String ifNoneMatch) {
        CoachEntity coach = service.get(organisationId, coachId);
        return ETags.read(mapper.toDto(coach), coach.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Replaces
    public Response updateCoach(String organisationId, UUID coachId, String ifMatch, CoachInput input) {
        CoachEntity coach = service.update(organisationId, coachId, IfMatch.of(ifMatch), input.getName(), input.getTrainedOn());
        return ETags.read(mapper.toDto(coach), coach.version, null);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response patchCoach(String organisationId, UUID coachId, String ifMatch, Map<String, Object> patch) {
        return updateCoach(organisationId, coachId, ifMatch,
                patches.apply(mapper.toDto(service.get(organisationId, coachId)), patch, CoachInput.class));
    }

    @Override
    @Authenticated
    public Response getPartnerAgreement(String organisationId, String ifNoneMatch) {
        PartnerAgreementEntity agreement = service.agreement(organisationId);
        return ETags.read(mapper.toDto(agreement), agreement.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Replaces
    public Response updatePartnerAgreement(String organisationId, String ifMatch, PartnerAgreementInput agreement) {
        PartnerAgreementEntity recorded = service.recordAgreement(organisationId, IfMatch.of(ifMatch), agreement.getSignedOn());
        return ETags.read(mapper.toDto(recorded), recorded.version, null);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response patchPartnerAgreement(String organisationId, String ifMatch, Map<String, Object> patch) {
        return updatePartnerAgreement(organisationId, ifMatch,
                patches.apply(mapper.toDto(service.agreement(organisationId)), patch, PartnerAgreementInput.class));
    }
}
