package be.twe.sync.idempotency;

import java.util.List;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;

/** The key was used within 24 hours for another request. */
public class IdempotencyKeyReusedProblem extends DomainProblem {
    public IdempotencyKeyReusedProblem(String key) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This key was used in the last 24 hours for a different request; use a new key for a new request.",
                List.of(Issue.header(IdempotencyInterceptor.HEADER, key, "Already used for a different request.")));
    }
}
