package be.twe.trajectory.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;

/** Trajectory rules on plain values, as every path that applies them does. */
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

    @Test
    void thePlannedEndIsTheDayBefore24MonthsLaterAtMonthEndsAndLeapDaysToo() {
        assertEquals(LocalDate.of(2025, 12, 31), TrajectoryRules.plannedEnd(LocalDate.of(2024, 1, 1)));
        assertEquals(LocalDate.of(2026, 2, 27), TrajectoryRules.plannedEnd(LocalDate.of(2024, 2, 29)));
        assertEquals(LocalDate.of(2025, 3, 30), TrajectoryRules.plannedEnd(LocalDate.of(2023, 3, 31)));
    }

    @Test
    void aNewTrajectoryNeedsAValidInszAndAStartInTheMeasure() {
        UUID coach = UUID.randomUUID();
        assertDoesNotThrow(() -> TrajectoryRules.requireNew(
                new TrajectoryService.NewTrajectory("ocmw-1", "85073003328", LocalDate.of(2017, 1, 1), coach, null)));
        assertEquals(ProblemType.INVALID_INPUT, assertThrows(DomainProblem.class, () -> TrajectoryRules.requireNew(
                new TrajectoryService.NewTrajectory("ocmw-1", "85073003300", LocalDate.of(2024, 1, 1), coach,
                        null))).type());
        assertEquals(ProblemType.TRAJECTORY_BEFORE_MEASURE, assertThrows(DomainProblem.class,
                () -> TrajectoryRules.requireNew(new TrajectoryService.NewTrajectory("ocmw-1", "85073003328",
                        LocalDate.of(2016, 12, 31), coach, null))).type());
    }
}
