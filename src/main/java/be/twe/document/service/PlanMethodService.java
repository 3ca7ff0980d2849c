package be.twe.document.service;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import be.twe.common.audit.AuditTrail;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.Text;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.document.persistence.PlanMethodEntity;
import be.twe.document.persistence.PlanMethodKind;
import be.twe.document.persistence.PlanMethodReason;
import be.twe.document.persistence.PlanMethodRepository;

/**
 * The plan method of an OCMW (2021 question): read by whoever acts for the OCMW, recorded by its
 * own admin or VDAB's; audited.
 */
@ApplicationScoped
@Transactional
public class PlanMethodService {
    /** POP, GPMI or OTHER_PLAN, and the reason when it is not the POP. */
    public record Method(PlanMethodKind method, PlanMethodReason reason, String reasonText) {
    }

    @Inject
    PlanMethodRepository methods;
    @Inject
    OcmwGate gate;
    @Inject
    CallerContext callers;
    @Inject
    AuditTrail auditTrail;

    public PlanMethodEntity get(String ocmwId) {
        gate.requireActingFor(ocmwId);
        return methods.findByIdOptional(ocmwId).orElseGet(() -> {
            PlanMethodEntity none = new PlanMethodEntity();
            none.ocmwId = ocmwId;
            return none;
        });
    }

    /** Needs If-Match with the current version ("0" while none is recorded). */
    public PlanMethodEntity record(String ocmwId, IfMatch ifMatch, Method in) {
        gate.requireActingFor(ocmwId);
        Caller caller = callers.current();
        if (!caller.unrestricted() && !caller.organisationId().equals(ocmwId)) {
            throw new NotFoundProblem("organisation", ocmwId); // a cluster reads it; the OCMW decides it
        }
        check(in);
        PlanMethodEntity method = methods.findByIdOptional(ocmwId, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        ifMatch.check(method == null ? 0 : method.version, method != null);
        Map<String, Object> before = method == null ? null : snapshot(method);
        boolean first = method == null;
        if (first) {
            method = new PlanMethodEntity();
            method.ocmwId = ocmwId;
        }
        method.method = in.method();
        method.reason = in.reason();
        method.reasonText = in.reasonText();
        method.version++;
        method.updatedAt = Timestamps.now();
        if (first) {
            methods.persist(method);
        }
        methods.flush(); // a first record in parallel loses on the primary key (412)
        auditTrail.record(ocmwId, "plan-method", ocmwId, "update", before, snapshot(method));
        return method;
    }

    private static void check(Method in) {
        boolean pop = in.method() == PlanMethodKind.POP;
        if (pop && in.reason() != null) {
            throw new InvalidInputProblem(Issue.body("reason", in.reason().name(), Text.of("plan-reason.only")));
        }
        if (!pop && in.reason() == null) {
            throw new InvalidInputProblem(Issue.body("reason", null, Text.of("plan-reason.required")));
        }
        if (in.reason() == PlanMethodReason.OTHER && (in.reasonText() == null || in.reasonText().isBlank())) {
            throw new InvalidInputProblem(Issue.body("reasonText", null, Text.of("reason-other")));
        }
    }

    private static Map<String, Object> snapshot(PlanMethodEntity method) {
        Map<String, Object> values = new HashMap<>();
        values.put("method", method.method);
        values.put("reason", method.reason);
        values.put("reasonText", method.reasonText);
        return values;
    }
}
