package be.twe.organisation.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** Two mandates of one cluster and OCMW never overlap, also when granted at the same moment. */
@ApplicationScoped
public class MandateConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of("mandate_no_overlap", () -> new DomainProblem(ProblemType.MANDATE_OVERLAP,
                Text.of("mandate-overlap")));
    }
}
