package be.twe.instrument.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.Timestamps;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentRepository;
import be.twe.instrument.persistence.InstrumentOutcome;
import be.twe.instrument.persistence.InstrumentType;
import be.twe.trajectory.service.InstrumentsOfTrajectory;

/** The instruments' side of the trajectory rules: the 24-month exception, the end, the yearly target. */
@ApplicationScoped
public class TrajectoryInstruments implements InstrumentsOfTrajectory {
    static final String STOPPED_BY_TRAJECTORY_END = "The trajectory ended; a WES cannot be transferred.";

    @Inject
    InstrumentRepository instruments;

    @Override
    public boolean art60WithoutSocialRightsRunsOn(UUID trajectoryId, LocalDate date) {
        return instruments.ofTrajectory(trajectoryId).stream().anyMatch(i -> i.is(InstrumentType.ART60)
                && Boolean.FALSE.equals(i.socialRightsBuiltUp) && runsOn(i, date));
    }

    @Override
    public boolean trajectoryEnds(UUID trajectoryId, LocalDate endDate) {
        boolean iboTakenOver = false;
        for (InstrumentEntity i : instruments.ofTrajectory(trajectoryId)) {
            if (i.startDate.isAfter(endDate)) {
                throw new DomainProblem(ProblemType.INSTRUMENT_AFTER_END,
                        Text.of("instrument-after-end", i.id, i.startDate));
            }
            if (i.endDate != null || !i.plannedEndDate.isAfter(endDate)) {
                continue;
            }
            if (i.is(InstrumentType.WES)) {
                close(i, endDate, InstrumentOutcome.STOPPED_EARLY, STOPPED_BY_TRAJECTORY_END);
            } else if (i.is(InstrumentType.IBO)) {
                close(i, i.plannedEndDate, InstrumentOutcome.TAKEN_OVER_BY_VDAB, null);
                iboTakenOver = true;
            } else if (!(i.is(InstrumentType.ART60) && Boolean.FALSE.equals(i.socialRightsBuiltUp))) {
                throw new DomainProblem(ProblemType.INSTRUMENT_RUNNING,
                        Text.of("instrument-running", i.id, i.type, i.plannedEndDate));
            }
        }
        return iboTakenOver;
    }

    @Override
    public List<InstrumentDates> datesOf(UUID trajectoryId) {
        return instruments.datesOf(trajectoryId).stream()
                .map(d -> new InstrumentDates(d.type().name(), d.start(), d.effectiveEnd())).toList();
    }

    private static boolean runsOn(InstrumentEntity i, LocalDate date) {
        return !i.startDate.isAfter(date) && !i.effectiveEnd().isBefore(date);
    }

    private static void close(InstrumentEntity i, LocalDate endDate, InstrumentOutcome outcome, String reason) {
        i.endDate = endDate;
        i.outcome = outcome;
        i.stopReason = reason;
        i.updatedAt = Timestamps.now();
    }
}
