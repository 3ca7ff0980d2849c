package be.twe.document.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import be.twe.api.PlansApi;
import be.twe.api.model.PlanMethodInput;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.MergePatches;
import be.twe.common.rest.Replaces;
import be.twe.common.security.Roles;
import be.twe.document.persistence.PlanMethodEntity;
import be.twe.document.persistence.PlanMethodKind;
import be.twe.document.persistence.PlanMethodReason;
import be.twe.document.service.PlanMethodService;
import io.quarkus.security.Authenticated;

public class PlanMethodResource implements PlansApi {
    @Inject
    MergePatches patches;
    @Inject
    PlanMethodService service;
    @Inject
    DocumentMapper mapper;

    @Override
    @Authenticated
    public Response getPlanMethod(String organisationId, String ifNoneMatch) {
        PlanMethodEntity method = service.get(organisationId);
        return ETags.read(mapper.toDto(method), method.version, ifNoneMatch);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    @Replaces
    public Response updatePlanMethod(String organisationId, String ifMatch, PlanMethodInput input) {
        PlanMethodEntity method = service.record(organisationId, IfMatch.of(ifMatch), new PlanMethodService.Method(
                PlanMethodKind.valueOf(input.getMethod().name()),
                input.getReason() == null ? null : PlanMethodReason.valueOf(input.getReason().name()),
                input.getReasonText()));
        return ETags.read(mapper.toDto(method), method.version, null);
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Response patchPlanMethod(String organisationId, String ifMatch, Map<String, Object> patch) {
        return updatePlanMethod(organisationId, ifMatch,
                patches.apply(mapper.toDto(service.get(organisationId)), patch, PlanMethodInput.class));
    }
}
