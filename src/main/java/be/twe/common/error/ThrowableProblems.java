package be.twe.common.error;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;

import be.twe.api.model.Problem;

/**
 * The problem an exception stands for, outside a JAX-RS request (a bulk import's line): the same
 * answers as the exception mappers give, found along the cause chain, since a transaction's
 * commit wraps what went wrong. A database that cannot be used now is no problem of the work
 * itself: the exception is thrown again, so the work stays pending and resumes after the outage.
 */
public final class ThrowableProblems {
    private ThrowableProblems() {
    }

    public static Problem of(RuntimeException e, Iterable<ConstraintProblems> features) {
        if (DatabaseOutage.isUnavailability(e)) {
            throw e;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainProblem domain) {
                return ProblemResponses.inEnglish(domain);
            }
            if (t instanceof ConstraintViolationException constraint) {
                return DatabaseConstraintMapper.toProblem(constraint, features);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ProblemResponses.inEnglish(new PreconditionFailedProblem(null));
            }
            if (t instanceof JsonProcessingException json) {
                return JsonProblems.toProblem(json);
            }
        }
        return new UnexpectedErrorMapper().toProblem(e);
    }
}
