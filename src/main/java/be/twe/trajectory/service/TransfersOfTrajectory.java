package be.twe.trajectory.service;

import be.twe.trajectory.persistence.TrajectoryEntity;

/** What ending a trajectory needs from transfers; implemented by the transfer feature. */
public interface TransfersOfTrajectory {

    /** Ending took over a running IBO: VDAB gets the file, through a transfer of its own. */
    void iboTakenOver(TrajectoryEntity trajectory, Registrar.Registration registration);
}
