package be.twe.common.error;

import java.util.function.Supplier;

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
        String name = constraintName(e);
        for (ConstraintProblems feature : features) {
            Supplier<DomainProblem> problem = name == null ? null : feature.byConstraintName().get(name);
            if (problem != null) {
                return ProblemResponses.of(problem.get());
            }
        }
        return new UnexpectedErrorMapper().toProblem(e);
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
