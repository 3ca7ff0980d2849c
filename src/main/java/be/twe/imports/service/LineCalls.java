package be.twe.imports.service;

import java.util.UUID;

import be.twe.common.rest.IfMatch;
import be.twe.instrument.service.NewInstrument;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;

/**
 * What an import line can call: carried out by the services one line at a time
 * ({@link SingleCalls}), or by a batch on records it read for many lines at once ({@link BatchCalls}).
 * A refusal is an exception.
 */
public interface LineCalls {
    LineOutcome createTrajectory(NewTrajectory in);

    LineOutcome putTrajectory(String reference, NewTrajectory in, IfMatch ifMatch);

    /** The id of the trajectory with the caller's reference, or a 404. */
    UUID trajectoryByReference(String reference);

    LineOutcome createInstrument(UUID trajectoryId, NewInstrument in);

    LineOutcome putInstrument(UUID trajectoryId, String reference, NewInstrument in, IfMatch ifMatch);
}
