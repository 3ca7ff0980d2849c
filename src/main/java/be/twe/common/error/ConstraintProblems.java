package be.twe.common.error;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Implemented by each feature that relies on database constraints for its rules: which
 * constraint name means which problem. Collected by {@link DatabaseConstraintMapper}.
 */
public interface ConstraintProblems {
    Map<String, Supplier<DomainProblem>> byConstraintName();
}
