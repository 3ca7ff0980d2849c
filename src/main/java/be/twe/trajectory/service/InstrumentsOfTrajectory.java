package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the trajectory rules need to know about instruments; implemented by the instrument feature. */
public interface InstrumentsOfTrajectory {

    /** The one reason a trajectory may run past 24 months. */
    boolean art60WithoutSocialRightsRunsOn(UUID trajectoryId, LocalDate date);

    /** Applies the end to the instruments (WES stopped, IBO taken over) or refuses it; true when VDAB took over an IBO. */
    boolean trajectoryEnds(UUID trajectoryId, LocalDate endDate);

    /** The dates of the trajectory's instruments, from which its "two instruments per year" years are counted. */
    List<InstrumentDates> datesOf(UUID trajectoryId);

    /** An instrument's type, start and effective end (its end, else its planned end). */
    record InstrumentDates(String type, LocalDate start, LocalDate effectiveEnd) {
    }

    record InstrumentYear(int year, LocalDate from, LocalDate to, int instrumentsStarted, boolean art60) {
        public boolean targetMet() {
            return art60 || instrumentsStarted >= 2;
        }
    }
}
