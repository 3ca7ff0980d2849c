package be.twe.trajectory.service;

import java.util.List;
import java.util.UUID;

import be.twe.trajectory.persistence.TrajectoryEntity;

/** A trajectory as the API shows it: the record and its "two instruments per year" years. */
public record TrajectoryView(TrajectoryEntity trajectory, List<InstrumentsOfTrajectory.InstrumentYear> years) {

    public UUID id() {
        return trajectory.id;
    }
}
