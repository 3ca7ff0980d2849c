package be.twe.instrument.service;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** The instrument rules PostgreSQL decides when requests race. */
@ApplicationScoped
public class InstrumentConstraints implements ConstraintProblems {
    @Override
    public Map<String, Supplier<DomainProblem>> byConstraintName() {
        return Map.of(
                "instrument_no_overlap", () -> new DomainProblem(ProblemType.INSTRUMENT_OVERLAP,
                        Text.of("instrument-overlap.constraint")),
                "instrument_one_technical_training", () -> InstrumentRules.technicalRepeated(null),
                "instrument_registered_by_external_reference_key",
                () -> new DomainProblem(ProblemType.DUPLICATE_EXTERNAL_REFERENCE,
                        Text.of("duplicate-external-reference.instrument")));
    }
}
