package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.UUID;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;

/** Rules of a trajectory that more than one path applies, as functions of plain values. */
public final class TrajectoryRules {
    /** TWE-OCMW exists since 1 January 2017. */
    static final LocalDate MEASURE_START = LocalDate.of(2017, 1, 1);

    private TrajectoryRules() {
    }

    /** What a new trajectory must be on its own, before anyone's records are read. */
    public static void requireNew(TrajectoryService.NewTrajectory input) {
        if (!Insz.isValid(input.clientInsz())) {
            throw new InvalidInputProblem(Issue.body("clientInsz", null, Text.of("insz-invalid")));
        }
        if (input.startDate().isBefore(MEASURE_START)) {
            throw new DomainProblem(ProblemType.TRAJECTORY_BEFORE_MEASURE,
                    Text.of("trajectory-before-measure", MEASURE_START));
        }
    }

    /**
     * The planned end the database computes ({@code trajectory.planned_end_date}, V5): 24 months
     * after the start. A bulk import's batch needs it before its insert; the insert checks that the
     * two agree.
     */
    public static LocalDate plannedEnd(LocalDate start) {
        return start.plusMonths(24).minusDays(1);
    }

    /**
     * "Maximum duration reached" (as an end reason or a transfer reason) holds only for a
     * trajectory that ends on or after its planned end, 24 months after the start.
     */
    public static void requireMaxDurationReached(UUID trajectory, LocalDate plannedEnd, LocalDate end) {
        if (end.isBefore(plannedEnd)) {
            throw new DomainProblem(ProblemType.MAX_DURATION_NOT_REACHED,
                    Text.of("max-duration-not-reached", trajectory, plannedEnd, end));
        }
    }
}
