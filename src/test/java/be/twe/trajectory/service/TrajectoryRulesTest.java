package be.twe.trajectory.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;

/** "Maximum duration reached" on plain values, as the end and the transfer apply it. */
class TrajectoryRulesTest {
    static final UUID ID = UUID.randomUUID();
    static final LocalDate PLANNED_END = LocalDate.of(2024, 12, 31);

    @Test
    void reachedOnAndAfterThePlannedEndOnly() {
        assertDoesNotThrow(() -> TrajectoryRules.requireMaxDurationReached(ID, PLANNED_END, PLANNED_END));
        assertDoesNotThrow(() -> TrajectoryRules.requireMaxDurationReached(ID, PLANNED_END, PLANNED_END.plusMonths(3)));
        DomainProblem early = assertThrows(DomainProblem.class,
                () -> TrajectoryRules.requireMaxDurationReached(ID, PLANNED_END, PLANNED_END.minusDays(1)));
        assertEquals(ProblemType.MAX_DURATION_NOT_REACHED, early.type());
    }
}
