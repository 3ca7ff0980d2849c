package be.twe.document.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.PreconditionFailedProblem;
import be.twe.common.rest.ETags;

/** Two first records of a plan method in parallel: the loser's If-Match ("0") went stale, the winner made version 1. */
@ApplicationScoped
public class PlanMethodConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of("plan_method_pkey", () -> new PreconditionFailedProblem(ETags.of(1)));
    }
}
