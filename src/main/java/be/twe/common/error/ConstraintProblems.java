package be.twe.common.error;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Implemented by each feature that relies on database constraints for its rules: which
 * constraint name means which problem. Collected by {@link DatabaseConstraintMapper}.
 */
public interface ConstraintProblems {
    Map<String, Supplier<DomainProblem>> byConstraintName();

    /** The problem a feature declared for the constraint, null for an unknown one. */
    static DomainProblem of(String constraint, Iterable<ConstraintProblems> features) {
        for (ConstraintProblems feature : features) {
            Supplier<DomainProblem> problem = constraint == null ? null : feature.byConstraintName().get(constraint);
            if (problem != null) {
                return problem.get();
            }
        }
        return null;
    }
}
