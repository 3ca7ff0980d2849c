package be.twe.trajectory.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.twe.trajectory.persistence.TrajectoryEntity;

/** What the trajectory rules need to know about instruments; implemented by the instrument feature. */
public interface InstrumentsOfTrajectory {

    /** The one reason a trajectory may run past 24 months. */
    boolean art60WithoutSocialRightsRunsOn(UUID trajectoryId, LocalDate date);

    /** Applies the end to the instruments (WES stopped, IBO taken over) or refuses it; true when VDAB took over an IBO. */
    boolean trajectoryEnds(TrajectoryEntity trajectory, LocalDate endDate);

    /** The "two instruments per year" target per trajectory year. */
    Map<UUID, List<InstrumentYear>> years(Collection<TrajectoryEntity> trajectories);

    record InstrumentYear(int year, LocalDate from, LocalDate to, int instrumentsStarted, boolean art60) {
        public boolean targetMet() {
            return art60 || instrumentsStarted >= 2;
        }
    }
}
