package be.twe.instrument.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentRepository;
import be.twe.instrument.persistence.InstrumentType;
import be.twe.instrument.persistence.MaxDurationEntity;
import be.twe.trajectory.service.TrajectoryRoot;

/**
 * The regulation's rules for a new instrument, each refused with its own code. All are evaluated
 * on the dates of the record. Overlap and the single technical training are also database
 * constraints, which decide between concurrent requests. The rules are a function of their inputs
 * (the trajectory, its other instruments, the maximum durations), so a single call and a bulk
 * import's batch, which reads those for many lines at once, run the same code (issue 31).
 */
@ApplicationScoped
public class InstrumentRules {
    /** Since 2023 the (specialised) BVS is part of the WES. */
    static final LocalDate BVS_ABOLISHED = LocalDate.of(2023, 1, 1);
    static final int ART60_LATEST_START_MONTHS = 2;

    @Inject
    InstrumentRepository instruments;

    /** The maximum duration of an instrument kind valid on a day. */
    public interface MaxDurations {
        Optional<MaxDurationEntity> on(String kind, LocalDate day);
    }

    /** The rules for {@code in}; {@code self} is the instrument being changed, null for a new one. */
    public void check(TrajectoryRoot trajectory, NewInstrument in, UUID self) {
        check(trajectory, in, self, instruments.ofTrajectory(trajectory.id()), instruments::maxDuration);
    }

    /**
     * The rules for {@code in} against the trajectory's instruments {@code others} (which may
     * include {@code self}).
     */
    public static void check(TrajectoryRoot trajectory, NewInstrument in, UUID self,
                             List<InstrumentEntity> others, MaxDurations durations) {
        checkFields(in);
        if (in.type() == InstrumentType.BVS && !in.startDate().isBefore(BVS_ABOLISHED)) {
            throw new DomainProblem(ProblemType.BVS_ABOLISHED,
                    Text.of("bvs-abolished", BVS_ABOLISHED));
        }
        checkWithinTrajectory(trajectory, in);
        LocalDate latestArt60 = trajectory.startDate().plusMonths(ART60_LATEST_START_MONTHS);
        if (in.type() == InstrumentType.ART60 && in.startDate().isAfter(latestArt60)) {
            throw new DomainProblem(ProblemType.ART60_LATE_START,
                    Text.of("art60-late-start", latestArt60, trajectory.id()));
        }
        checkMaxDuration(in, durations);
        if (in.training() != null && in.training().technical()) {
            checkTechnicalTraining(in.training(), others, self);
        }
        for (InstrumentEntity other : others) {
            if (!other.id.equals(self) && !other.startDate.isAfter(in.plannedEndDate())
                    && !other.effectiveEnd().isBefore(in.startDate())) {
                throw overlap(other);
            }
        }
    }

    static DomainProblem overlap(InstrumentEntity other) {
        return new DomainProblem(ProblemType.INSTRUMENT_OVERLAP,
                Text.of("instrument-overlap", other.id, other.type, other.startDate, other.effectiveEnd()));
    }

    private static void checkFields(NewInstrument in) {
        List<Issue> issues = new ArrayList<>();
        boolean training = in.type() == InstrumentType.TRAINING;
        if (training != (in.training() != null)) {
            issues.add(Issue.body("training", null, Text.of(training ? "training.required" : "training.only")));
        }
        boolean employed = in.type() == InstrumentType.ART60 || in.type() == InstrumentType.WES
                || in.type() == InstrumentType.IBO;
        if (employed && (in.employer() == null || in.employer().isBlank())) {
            issues.add(Issue.body("employer", null, Text.of("employer.required")));
        }
        if ((in.type() == InstrumentType.ART60) != (in.socialRightsBuiltUp() != null)) {
            issues.add(Issue.body("socialRightsBuiltUp", null,
                    Text.of(in.type() == InstrumentType.ART60 ? "social-rights.required" : "social-rights.only")));
        }
        if (in.plannedEndDate().isBefore(in.startDate())) {
            issues.add(Issue.body("plannedEndDate", null, Text.of("not-before-start-date")));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputProblem(issues);
        }
    }

    private static void checkWithinTrajectory(TrajectoryRoot trajectory, NewInstrument in) {
        LocalDate last = trajectory.lastDay();
        // An art. 60 §7 employment that still builds up social rights may run past the 24 months.
        boolean mayRunPast = in.type() == InstrumentType.ART60 && Boolean.FALSE.equals(in.socialRightsBuiltUp())
                && trajectory.isOpen();
        boolean inside = !in.startDate().isBefore(trajectory.startDate()) && !in.startDate().isAfter(last)
                && (mayRunPast || !in.plannedEndDate().isAfter(last));
        if (!inside) {
            throw new DomainProblem(ProblemType.INSTRUMENT_OUTSIDE_TRAJECTORY,
                    Text.of("instrument-outside-trajectory", trajectory.id(), trajectory.startDate(), last));
        }
    }

    private static void checkMaxDuration(NewInstrument in, MaxDurations durations) {
        String kind = durationKind(in);
        MaxDurationEntity max = durations.on(kind, in.startDate()).orElseThrow(() ->
                new DomainProblem(ProblemType.INSTRUMENT_MAX_DURATION_UNKNOWN,
                        Text.of("instrument-max-duration-unknown", kind, in.startDate())));
        LocalDate latestEnd = in.startDate().plusMonths(max.maxMonths).minusDays(1);
        if (in.plannedEndDate().isAfter(latestEnd)) {
            throw new DomainProblem(ProblemType.INSTRUMENT_MAX_DURATION,
                    Text.of("instrument-max-duration", kind, in.startDate(), latestEnd, max.maxMonths));
        }
    }

    private static void checkTechnicalTraining(NewInstrument.Training training, List<InstrumentEntity> others,
                                               UUID self) {
        if ("PARTNER".equals(training.organiser()) && !Boolean.TRUE.equals(training.recognisedByVdab())) {
            throw new DomainProblem(ProblemType.TRAINING_NOT_RECOGNISED,
                    Text.of("training-not-recognised"));
        }
        for (InstrumentEntity other : others) {
            if (!other.id.equals(self) && other.is(InstrumentType.TRAINING)
                    && Boolean.TRUE.equals(other.trainingTechnical)) {
                throw technicalRepeated(other.id.toString());
            }
        }
    }

    static DomainProblem technicalRepeated(String existing) {
        return new DomainProblem(ProblemType.TECHNICAL_TRAINING_REPEATED,
                existing == null ? Text.of("technical-training-repeated")
                        : Text.of("technical-training-repeated.existing", existing));
    }

    static String durationKind(NewInstrument in) {
        if (in.type() != InstrumentType.TRAINING) {
            return in.type().name();
        }
        if (!in.training().technical()) {
            return "TRAINING_GENERIC";
        }
        return in.training().fullTime() ? "TRAINING_TECHNICAL_FULL_TIME" : "TRAINING_TECHNICAL_PART_TIME";
    }
}
