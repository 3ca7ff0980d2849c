package be.twe.trajectory.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;

/** The trajectory rules that PostgreSQL guarantees under concurrent requests. */
@ApplicationScoped
public class TrajectoryConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of(
                "trajectory_one_open_per_client", () -> new DomainProblem(ProblemType.CLIENT_HAS_OPEN_TRAJECTORY,
                        "This client already has an open trajectory; end it before starting another."),
                "trajectory_registered_by_external_reference_key",
                () -> new DomainProblem(ProblemType.DUPLICATE_EXTERNAL_REFERENCE,
                        "Your organisation already used this externalReference for another trajectory."));
    }
}
