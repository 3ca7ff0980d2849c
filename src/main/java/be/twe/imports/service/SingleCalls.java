package be.twe.imports.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.rest.IfMatch;
import be.twe.instrument.service.InstrumentReferences;
import be.twe.instrument.service.InstrumentService;
import be.twe.instrument.service.InstrumentView;
import be.twe.instrument.service.NewInstrument;
import be.twe.trajectory.service.TrajectoryReferences;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;
import be.twe.trajectory.service.TrajectoryService;

/** A line's call carried out by the services, exactly as the single request does, in the caller's transaction. */
@ApplicationScoped
public class SingleCalls implements LineCalls {
    @Inject
    TrajectoryService trajectories;
    @Inject
    TrajectoryReferences trajectoryReferences;
    @Inject
    InstrumentService instruments;
    @Inject
    InstrumentReferences instrumentReferences;

    @Override
    public LineOutcome createTrajectory(NewTrajectory in) {
        return LineOutcome.trajectory(trajectories.create(in).id(), true);
    }

    @Override
    public LineOutcome putTrajectory(String reference, NewTrajectory in, IfMatch ifMatch) {
        TrajectoryReferences.Put put = trajectoryReferences.put(reference, in, ifMatch);
        return LineOutcome.trajectory(put.trajectory().id(), put.created());
    }

    @Override
    public UUID trajectoryByReference(String reference) {
        return trajectoryReferences.get(reference).id();
    }

    @Override
    public LineOutcome createInstrument(UUID trajectoryId, NewInstrument in) {
        return instrument(new InstrumentView(instruments.create(trajectoryId, in)), true);
    }

    @Override
    public LineOutcome putInstrument(UUID trajectoryId, String reference, NewInstrument in, IfMatch ifMatch) {
        InstrumentReferences.Put put = instrumentReferences.put(trajectoryId, reference, in, ifMatch);
        return instrument(new InstrumentView(put.instrument()), put.created());
    }

    private static LineOutcome instrument(InstrumentView instrument, boolean created) {
        return LineOutcome.instrument(instrument.trajectoryId(), instrument.id(), created);
    }
}
