package be.twe.organisation.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.audit.AuditEventEntity;
import be.twe.common.audit.AuditTrail;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.Text;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.organisation.persistence.FinancialDetailsEntity;
import be.twe.organisation.persistence.FinancialDetailsRepository;
import be.twe.sync.service.Feeds;

/**
 * An organisation's enterprise number and bank account (the 2016 lesson): row-level security
 * hides them from everyone but the organisation and VDAB, changes need the current version,
 * and every change is audited in the same transaction.
 */
@ApplicationScoped
@Transactional
@Feeds
public class FinancialDetailsService {
    static final String ENTITY_TYPE = "financial-details";

    @Inject
    FinancialDetailsRepository repository;
    @Inject
    AuditTrail auditTrail;

    public FinancialDetailsEntity get(String organisationId) {
        return repository.findByIdOptional(organisationId)
                .orElseThrow(() -> new NotFoundProblem("organisation", organisationId));
    }

    public FinancialDetailsEntity update(String organisationId, IfMatch ifMatch, String kboNumber, String iban) {
        FinancialDetailsEntity details = get(organisationId);
        ifMatch.requirePresent();
        validate(kboNumber, iban);
        ifMatch.check(details.version);
        Map<String, Object> before = snapshot(details);
        details.kboNumber = kboNumber;
        details.iban = iban;
        details.updatedAt = Timestamps.now();
        repository.flush(); // raises the version now, or fails on a concurrent change
        auditTrail.record(organisationId, ENTITY_TYPE, organisationId, "update", before, snapshot(details));
        return details;
    }

    public Slice<AuditEventEntity> auditTrail(String organisationId, int limit, String cursor) {
        get(organisationId);
        return auditTrail.list(organisationId, limit, cursor);
    }

    private static void validate(String kboNumber, String iban) {
        List<Issue> issues = new ArrayList<>();
        if (!KboNumber.isValid(kboNumber)) {
            issues.add(Issue.body("kboNumber", null, Text.of("kbo-invalid")));
        }
        Text ibanProblem = BankAccount.problemWith(iban);
        if (ibanProblem != null) {
            issues.add(Issue.body("iban", null, ibanProblem));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputProblem(issues);
        }
    }

    private static Map<String, Object> snapshot(FinancialDetailsEntity details) {
        Map<String, Object> values = new HashMap<>();
        values.put("kboNumber", details.kboNumber);
        values.put("iban", details.iban);
        values.put("version", details.version);
        return values;
    }
}
