package be.twe.instrument.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentType;
import be.twe.instrument.persistence.MaxDurationEntity;
import be.twe.trajectory.service.TrajectoryRoot;

/**
 * The instrument rules as a function of their inputs, without a database: what a single call and
 * a bulk import's batch both run (issue 31).
 */
class InstrumentRulesTest {
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    static final InstrumentRules.MaxDurations TWELVE_MONTHS = (kind, day) -> Optional.of(max(12));
    static final InstrumentRules.MaxDurations NONE = (kind, day) -> Optional.empty();

    static MaxDurationEntity max(int months) {
        MaxDurationEntity max = new MaxDurationEntity();
        max.maxMonths = months;
        return max;
    }

    static TrajectoryRoot trajectory() {
        return new TrajectoryRoot(UUID.randomUUID(), "OCMW-TEST", UUID.randomUUID(), START,
                START.plusMonths(24).minusDays(1), null, null, null);
    }

    static NewInstrument wes(LocalDate start, LocalDate plannedEnd) {
        return new NewInstrument(InstrumentType.WES, start, plannedEnd, UUID.randomUUID(), "Bakkerij Peeters", null, null);
    }

    static NewInstrument technicalTraining(LocalDate start) {
        return new NewInstrument(InstrumentType.TRAINING, start, start.plusMonths(1), UUID.randomUUID(), null, null,
                new NewInstrument.Training("Lassen", "VDAB", null, true, true));
    }

    static InstrumentEntity existing(UUID id, InstrumentType type, LocalDate start, LocalDate plannedEnd) {
        InstrumentEntity i = new InstrumentEntity();
        i.id = id;
        i.type = type;
        i.startDate = start;
        i.plannedEndDate = plannedEnd;
        i.trainingTechnical = type == InstrumentType.TRAINING ? true : null;
        return i;
    }

    static ProblemType refusal(NewInstrument in, UUID self, List<InstrumentEntity> others,
                               InstrumentRules.MaxDurations durations) {
        return assertThrows(DomainProblem.class,
                () -> InstrumentRules.check(trajectory(), in, self, others, durations)).type();
    }

    @Test
    void anInstrumentWithinTheTrajectoryAndItsMaximumPasses() {
        assertDoesNotThrow(() -> InstrumentRules.check(trajectory(), wes(START.plusDays(10), START.plusMonths(3)), null,
                List.of(), TWELVE_MONTHS));
    }

    @Test
    void theFirstOverlappingInstrumentInOrderIsNamedAndTheOneChangedIsNot() {
        UUID first = new UUID(0x1L, 1);
        UUID second = new UUID(-1L, 1); // after the first in PostgreSQL's unsigned order
        List<InstrumentEntity> others = List.of(
                existing(first, InstrumentType.WES, START.plusDays(20), START.plusDays(30)),
                existing(second, InstrumentType.WES, START.plusDays(25), START.plusDays(35)));
        DomainProblem overlap = assertThrows(DomainProblem.class, () -> InstrumentRules.check(trajectory(),
                wes(START.plusDays(28), START.plusDays(40)), null, others, TWELVE_MONTHS));
        assertEquals(ProblemType.INSTRUMENT_OVERLAP, overlap.type());
        assertTrue(overlap.getMessage().contains(first.toString()), overlap.getMessage());

        assertEquals(ProblemType.INSTRUMENT_OVERLAP,
                refusal(wes(START.plusDays(28), START.plusDays(40)), first, others, TWELVE_MONTHS));
        assertDoesNotThrow(() -> InstrumentRules.check(trajectory(), wes(START.plusDays(31), START.plusDays(40)), first,
                List.of(others.get(0)), TWELVE_MONTHS));
        assertDoesNotThrow(() -> InstrumentRules.check(trajectory(), wes(START.plusDays(36), START.plusDays(40)), null,
                others, TWELVE_MONTHS));
    }

    @Test
    void eachRuleRefusesWithItsOwnCode() {
        assertEquals(ProblemType.INSTRUMENT_OUTSIDE_TRAJECTORY,
                refusal(wes(START.minusDays(1), START.plusDays(5)), null, List.of(), TWELVE_MONTHS));
        assertEquals(ProblemType.INSTRUMENT_MAX_DURATION,
                refusal(wes(START, START.plusMonths(12)), null, List.of(), TWELVE_MONTHS));
        assertEquals(ProblemType.INSTRUMENT_MAX_DURATION_UNKNOWN,
                refusal(wes(START, START.plusDays(5)), null, List.of(), NONE));
        assertEquals(ProblemType.BVS_ABOLISHED, refusal(new NewInstrument(InstrumentType.BVS, START,
                START.plusDays(5), UUID.randomUUID(), null, null, null), null, List.of(), TWELVE_MONTHS));
        assertEquals(ProblemType.TECHNICAL_TRAINING_REPEATED, refusal(technicalTraining(START.plusMonths(6)), null,
                List.of(existing(UUID.randomUUID(), InstrumentType.TRAINING, START, START.plusDays(5))), TWELVE_MONTHS));
    }

    @Test
    void aFieldMissingForTheTypeComesBeforeAnyRecordIsConsidered() {
        NewInstrument noEmployer = new NewInstrument(InstrumentType.WES, START.minusYears(1), START, UUID.randomUUID(),
                null, null, null);
        assertEquals(ProblemType.INVALID_INPUT, refusal(noEmployer, null, List.of(), NONE));
    }
}
