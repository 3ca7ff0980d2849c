package be.twe.transfer.service;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TransfersOfTrajectory;

/** Gives VDAB the file of a trajectory whose IBO it took over, in the same transaction. */
@ApplicationScoped
public class IboTakeOver implements TransfersOfTrajectory {
    @Inject
    TransferService transfers;

    @Override
    public void iboTakenOver(TrajectoryRoot trajectory, LocalDate on, Registrar.Registration registration) {
        transfers.createForIbo(trajectory, on, registration);
    }
}
