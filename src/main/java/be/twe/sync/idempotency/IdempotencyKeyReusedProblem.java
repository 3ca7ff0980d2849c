package be.twe.sync.idempotency;

import java.util.List;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** The key was used within 24 hours for another request. */
public class IdempotencyKeyReusedProblem extends DomainProblem {
    public IdempotencyKeyReusedProblem(String key) {
        super(ProblemType.IDEMPOTENCY_KEY_REUSED,
                Text.of("idempotency-key-reused"),
                List.of(Issue.header(IdempotencyInterceptor.HEADER, key, Text.of("idempotency-key-used"))));
    }
}
