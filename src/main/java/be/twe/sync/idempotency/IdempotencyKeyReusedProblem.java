package be.twe.sync.idempotency;

import java.util.List;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemKind;

/** The key was used within 24 hours for another request. */
public class IdempotencyKeyReusedProblem extends DomainProblem {
    private final String key;

    public IdempotencyKeyReusedProblem(String key) {
        super(ProblemKind.RULE_VIOLATION, "idempotency-key-reused", "Idempotency key used for another request",
                "This key was used in the last 24 hours for a different request; use a new key for a new request.");
        this.key = key;
    }

    @Override
    public List<Issue> issues() {
        return List.of(Issue.header(IdempotencyInterceptor.HEADER, key, "Already used for a different request."));
    }
}
