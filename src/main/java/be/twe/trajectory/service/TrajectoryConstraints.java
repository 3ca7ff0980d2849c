package be.twe.trajectory.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** The trajectory rules that PostgreSQL guarantees under concurrent requests. */
@ApplicationScoped
public class TrajectoryConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of(
                "trajectory_one_open_per_client", () -> new DomainProblem(ProblemType.CLIENT_HAS_OPEN_TRAJECTORY,
                        Text.of("client-has-open-trajectory")),
                "trajectory_registered_by_external_reference_key",
                () -> new DomainProblem(ProblemType.DUPLICATE_EXTERNAL_REFERENCE,
                        Text.of("duplicate-external-reference.trajectory")));
    }
}
