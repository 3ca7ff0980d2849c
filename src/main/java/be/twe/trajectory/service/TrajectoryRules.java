package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.UUID;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;

/** Rules of a trajectory's end that more than one path applies, as functions of plain values. */
public final class TrajectoryRules {
    public static final String MAX_DURATION_REACHED = "MAX_DURATION_REACHED";

    private TrajectoryRules() {
    }

    /**
     * "Maximum duration reached" (as an end reason or a transfer reason) holds only for a
     * trajectory that ends on or after its planned end, 24 months after the start.
     */
    public static void requireMaxDurationReached(UUID trajectory, LocalDate plannedEnd, LocalDate end) {
        if (end.isBefore(plannedEnd)) {
            throw new DomainProblem(ProblemType.MAX_DURATION_NOT_REACHED,
                    "Trajectory '" + trajectory + "' reaches 24 months on " + plannedEnd + "; it ends on " + end + ".");
        }
    }
}
