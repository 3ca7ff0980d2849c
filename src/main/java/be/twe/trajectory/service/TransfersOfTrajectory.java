package be.twe.trajectory.service;

import java.time.LocalDate;

/** What ending a trajectory needs from transfers; implemented by the transfer feature. */
public interface TransfersOfTrajectory {

    /**
     * VDAB took over a running IBO on {@code on}, because the trajectory ended or as recorded by the
     * IBO's own end: VDAB gets the file through a transfer of its own, unless an open transfer
     * already hands the file over.
     */
    void iboTakenOver(TrajectoryRoot trajectory, LocalDate on, Registrar.Registration registration);
}
