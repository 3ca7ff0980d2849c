package be.twe.common.error;


import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;

import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

import be.twe.api.model.Problem;

/**
 * Rules that must hold under concurrent requests are database constraints; when one fires, the
 * feature that owns it says which problem it means. An unknown constraint is a bug: 500.
 */
@Provider
public class DatabaseConstraintMapper extends ProblemMapper<ConstraintViolationException> {
    @Inject
    Instance<ConstraintProblems> features;

    @Override
    protected Problem toProblem(ConstraintViolationException e) {
        return toProblem(e, features);
    }

    /** The problem a feature declared for the constraint, or a 500 for an unknown one. */
    public static Problem toProblem(ConstraintViolationException e, Iterable<ConstraintProblems> features) {
        DomainProblem problem = ConstraintProblems.of(constraintName(e), features);
        return problem != null ? ProblemResponses.of(problem) : new UnexpectedErrorMapper().toProblem(e);
    }

    /**
     * Hibernate names unique and check violations but not exclusion violations (SQLSTATE 23P01);
     * PostgreSQL itself reports the constraint in its error fields.
     */
    static String constraintName(ConstraintViolationException e) {
        if (e.getConstraintName() != null) {
            return e.getConstraintName();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                return psql.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }
}
