package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.coach.persistence.CoachEntity;
import be.twe.coach.persistence.CoachRepository;
import be.twe.coach.persistence.PartnerAgreementEntity;
import be.twe.coach.persistence.PartnerAgreementRepository;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.security.MissingRoleProblem;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.Today;
import be.twe.organisation.persistence.OrganisationEntity;
import be.twe.organisation.persistence.OrganisationRepository;

/**
 * Who may write a registration for an OCMW (VDAB policy): a trained coach of an organisation that
 * signed the partner agreement, acting for the OCMW itself or under a cluster mandate; or VDAB's
 * helpdesk on behalf of the OCMW, naming one of the OCMW's coaches.
 */
@ApplicationScoped
public class Registrar {
    @Inject
    CallerContext callerContext;
    @Inject
    CoachRepository coaches;
    @Inject
    PartnerAgreementRepository agreements;
    @Inject
    Today today;
    @Inject
    OrganisationRepository organisations;

    public record Registration(String registeredBy, boolean onBehalf) {
    }

    /** A write naming a responsible coach: the caller may write and the coach is accredited. */
    public Registration authorise(String ocmwId, UUID coachId) {
        Registration registration = authoriseWrite(ocmwId);
        CoachEntity coach = coach(coachId);
        if (registration.onBehalf()) {
            if (!coach.organisationId.equals(ocmwId)) {
                throw unknownCoach(coachId);
            }
            return registration;
        }
        LocalDate date = today.date();
        if (coach.trainedOn == null || coach.trainedOn.isAfter(date)) {
            throw new DomainProblem(ProblemType.COACH_NOT_TRAINED,
                    "Coach '" + coachId + "' has not followed VDAB's registration training.");
        }
        PartnerAgreementEntity agreement = agreements.findByIdOptional(coach.organisationId).orElse(null);
        if (agreement == null || agreement.signedOn == null || agreement.signedOn.isAfter(date)) {
            throw new DomainProblem(ProblemType.PARTNER_AGREEMENT_MISSING,
                    "Organisation '" + coach.organisationId + "' has not signed VDAB's partner agreement.");
        }
        return registration;
    }

    /**
     * The OCMW existed on {@code date}: a record of an OCMW that merged is dated before the merger
     * (from then on the successor's own records take over), and a record of an OCMW formed by a
     * merger is dated from its formation (before it, the OCMWs it was formed from register).
     */
    public void requireExistingOn(String ocmwId, LocalDate date) {
        OrganisationEntity ocmw = organisations.findById(ocmwId);
        if (ocmw != null && ocmw.validTo != null && date.isAfter(ocmw.validTo)) {
            throw new DomainProblem(ProblemType.OCMW_MERGED, ocmw.successorId == null
                    ? "OCMW '%s' ended on %s.".formatted(ocmwId, ocmw.validTo)
                    : "OCMW '%s' merged into %s on %s: register what starts from then under %s."
                            .formatted(ocmwId, ocmw.successorId, ocmw.validTo.plusDays(1), ocmw.successorId));
        }
        if (ocmw != null && ocmw.validFrom != null && date.isBefore(ocmw.validFrom)) {
            List<String> then = organisations.predecessorsOn(ocmwId, date);
            throw new DomainProblem(ProblemType.OCMW_NOT_YET_FORMED, then.isEmpty()
                    ? "OCMW '%s' exists from %s.".formatted(ocmwId, ocmw.validFrom)
                    : "OCMW '%s' exists from %s: register what starts before then under %s, which existed on %s."
                            .formatted(ocmwId, ocmw.validFrom, String.join(" or ", then), date));
        }
    }

    /** Any write for the OCMW: a coach acting for it, or VDAB's helpdesk on its behalf. */
    public Registration authoriseWrite(String ocmwId) {
        return authoriseWrite(ocmwId, Roles.HELPDESK);
    }

    /** A write for the OCMW by a coach acting for it, or by VDAB with one of {@code vdabRoles}. */
    public Registration authoriseWrite(String ocmwId, String... vdabRoles) {
        Caller caller = callerContext.current();
        if (caller.unrestricted()) {
            requireRole(caller, vdabRoles);
            return new Registration(caller.organisationId(), true);
        }
        requireRole(caller, Roles.COACH);
        if (!caller.actingFor().contains(ocmwId)) {
            throw new DomainProblem(ProblemType.UNKNOWN_OCMW,
                    "No OCMW '" + ocmwId + "' that you act for (own OCMW, one that merged into it, or a mandate "
                            + "valid today).");
        }
        return new Registration(caller.organisationId(), false);
    }

    private CoachEntity coach(UUID coachId) {
        return coaches.findByIdOptional(coachId).orElseThrow(() -> unknownCoach(coachId));
    }

    private static DomainProblem unknownCoach(UUID coachId) {
        return new DomainProblem(ProblemType.UNKNOWN_COACH,
                "No coach '" + coachId + "' of your organisation.");
    }

    private static void requireRole(Caller caller, String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(caller.roles()::contains)) {
            throw new MissingRoleProblem(String.join(" or ", anyOf));
        }
    }
}
