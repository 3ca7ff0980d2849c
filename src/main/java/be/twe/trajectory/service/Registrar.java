package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.TransactionStatements;
import be.twe.common.security.MissingRoleProblem;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.Today;
import be.twe.organisation.service.OrganisationService;

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
    TransactionStatements statements;
    @Inject
    Today today;
    @Inject
    OrganisationService organisations;

    public record Registration(String registeredBy, boolean onBehalf) {
    }

    /**
     * What the rules of a registration read: the coach, its organisation's agreement and the OCMW
     * (the OCMW's dates are null when the caller cannot see it: its own rule says so).
     */
    public record Facts(boolean coachFound, String coachOrganisation, LocalDate trainedOn, LocalDate signedOn,
                 LocalDate ocmwValidFrom, LocalDate ocmwValidTo, String ocmwSuccessor) {
    }

    private static final String FACTS = """
            select c.id is not null, c.organisation_id, c.trained_on, a.signed_on,
                   o.valid_from, o.valid_to, o.successor_id
            from (select 1) one
            left join coach c on c.id = ?
            left join partner_agreement a on a.organisation_id = c.organisation_id
            left join organisation o on o.id = ?""";

    /** A write naming a responsible coach: the caller may write and the coach is accredited. */
    public Registration authorise(String ocmwId, UUID coachId) {
        return authorise(ocmwId, coachId, facts(coachId, ocmwId));
    }

    /** {@link #authorise(String, UUID)} on facts already read ({@link #facts(UUID, String)}). */
    public Registration authorise(String ocmwId, UUID coachId, Facts facts) {
        return authorise(authoriseWrite(ocmwId), ocmwId, coachId, facts);
    }

    /**
     * A new registration dated {@code date}: {@link #authorise(String, UUID)} and the OCMW existed
     * on that date, with everything they read in one statement (issue 31).
     */
    public Registration authoriseOn(String ocmwId, UUID coachId, LocalDate date) {
        return authoriseOn(ocmwId, coachId, date, facts(coachId, ocmwId));
    }

    /** {@link #authoriseOn(String, UUID, LocalDate)} on facts already read ({@link #facts(UUID, String)}). */
    public Registration authoriseOn(String ocmwId, UUID coachId, LocalDate date, Facts facts) {
        Registration registration = authoriseWrite(ocmwId);
        authorise(registration, ocmwId, coachId, facts);
        requireExistingOn(ocmwId, date, facts);
        return registration;
    }

    /** What the rules of a registration for the OCMW naming the coach read, in one statement. */
    public Facts facts(UUID coachId, String ocmwId) {
        return statements.query(FACTS, s -> {
            s.setObject(1, coachId);
            s.setString(2, ocmwId);
        }, rows -> {
            rows.next();
            return new Facts(rows.getBoolean(1), rows.getString(2), rows.getObject(3, LocalDate.class),
                    rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class),
                    rows.getObject(6, LocalDate.class), rows.getString(7));
        });
    }

    private Registration authorise(Registration registration, String ocmwId, UUID coachId, Facts facts) {
        if (!facts.coachFound()) {
            throw unknownCoach(coachId);
        }
        if (registration.onBehalf()) {
            if (!facts.coachOrganisation().equals(ocmwId)) {
                throw unknownCoach(coachId);
            }
            return registration;
        }
        LocalDate date = today.date();
        if (facts.trainedOn() == null || facts.trainedOn().isAfter(date)) {
            throw new DomainProblem(ProblemType.COACH_NOT_TRAINED,
                    Text.of("coach-not-trained", coachId));
        }
        if (facts.signedOn() == null || facts.signedOn().isAfter(date)) {
            throw new DomainProblem(ProblemType.PARTNER_AGREEMENT_MISSING,
                    Text.of("partner-agreement-missing", facts.coachOrganisation()));
        }
        return registration;
    }

    /**
     * The OCMW existed on {@code date}: a record of an OCMW that merged is dated before the merger
     * (from then on the successor's own records take over), and a record of an OCMW formed by a
     * merger is dated from its formation (before it, the OCMWs it was formed from register).
     */
    private void requireExistingOn(String ocmwId, LocalDate date, Facts ocmw) {
        if (ocmw.ocmwValidTo() != null && date.isAfter(ocmw.ocmwValidTo())) {
            throw new DomainProblem(ProblemType.OCMW_MERGED, ocmw.ocmwSuccessor() == null
                    ? Text.of("ocmw-ended", ocmwId, ocmw.ocmwValidTo())
                    : Text.of("ocmw-merged", ocmwId, ocmw.ocmwSuccessor(), ocmw.ocmwValidTo().plusDays(1),
                            ocmw.ocmwSuccessor()));
        }
        if (ocmw.ocmwValidFrom() != null && date.isBefore(ocmw.ocmwValidFrom())) {
            List<String> then = organisations.predecessorsOn(ocmwId, date);
            throw new DomainProblem(ProblemType.OCMW_NOT_YET_FORMED, then.isEmpty()
                    ? Text.of("ocmw-not-yet-formed", ocmwId, ocmw.ocmwValidFrom())
                    : Text.of("ocmw-not-yet-formed.then", ocmwId, ocmw.ocmwValidFrom(), String.join(" or ", then), date));
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
                    Text.of("unknown-ocmw", ocmwId));
        }
        return new Registration(caller.organisationId(), false);
    }

    private static DomainProblem unknownCoach(UUID coachId) {
        return new DomainProblem(ProblemType.UNKNOWN_COACH,
                Text.of("unknown-coach", coachId));
    }

    private static void requireRole(Caller caller, String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(caller.roles()::contains)) {
            throw new MissingRoleProblem(String.join(" or ", anyOf));
        }
    }
}
