package be.twe.transfer.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** The transfer rules that PostgreSQL guarantees under concurrent requests. */
@ApplicationScoped
public class TransferConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of("transfer_one_open_per_trajectory", () -> new DomainProblem(ProblemType.TRANSFER_ALREADY_OPEN,
                Text.of("transfer-already-open")));
    }
}
