package be.twe.imports.service;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.rest.IfMatch;
import be.twe.instrument.service.InstrumentBatch;
import be.twe.instrument.service.NewInstrument;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryBatch;
import be.twe.trajectory.service.TrajectoryReferences;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryRules;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;

/**
 * A batch of import lines' calls on the records the batch read at once ({@link TrajectoryBatch},
 * {@link InstrumentBatch}): the same rule functions as the services, in file order, each line
 * seeing what the lines before it made. The records to make are collected and written by the batch
 * in one statement per table, where the constraints have the last word. A change of an existing
 * record is left to the single call ({@link SingleCallNeeded}).
 */
final class BatchCalls implements LineCalls {
    /** This line changes an existing record: it runs as a single call, after the lines before it are written. */
    static final class SingleCallNeeded extends RuntimeException {
        SingleCallNeeded() {
            super(null, null, false, false);
        }
    }

    private final TrajectoryBatch trajectories;
    private final InstrumentBatch instruments;
    private final Registrar registrar;
    private final Iterable<ConstraintProblems> constraints;
    private final Map<String, Registrar.Facts> facts = new HashMap<>();

    BatchCalls(TrajectoryBatch trajectories, InstrumentBatch instruments, Registrar registrar,
               Iterable<ConstraintProblems> constraints) {
        this.trajectories = trajectories;
        this.instruments = instruments;
        this.registrar = registrar;
        this.constraints = constraints;
    }

    @Override
    public LineOutcome createTrajectory(NewTrajectory in) {
        TrajectoryRules.requireNew(in);
        Registrar.Registration registration = registrar.authoriseOn(in.ocmwId(), in.coachId(), in.startDate(),
                facts(in.coachId(), in.ocmwId()));
        boolean referenceTaken = in.externalReference() != null
                && trajectories.byReference(in.externalReference()) != null;
        boolean clientOpen = trajectories.clientHasOpenTrajectory(in.clientInsz());
        if (referenceTaken && clientOpen) {
            throw new SingleCallNeeded(); // which constraint PostgreSQL reports first is its own to say
        }
        if (referenceTaken || clientOpen) {
            throw ConstraintProblems.of(clientOpen ? "trajectory_one_open_per_client"
                    : "trajectory_registered_by_external_reference_key", constraints);
        }
        return LineOutcome.trajectory(trajectories.add(in, registration).id(), true);
    }

    @Override
    public LineOutcome putTrajectory(String reference, NewTrajectory in, IfMatch ifMatch) {
        TrajectoryReferences.requireReference(in, reference);
        TrajectoryRoot existing = trajectories.byReference(reference);
        if (existing == null) {
            return createTrajectory(new NewTrajectory(in.ocmwId(), in.clientInsz(), in.startDate(), in.coachId(),
                    reference));
        }
        trajectories.requireSameTrajectory(reference, in);
        if (!existing.coachId().equals(in.coachId())) {
            throw new SingleCallNeeded();
        }
        registrar.authoriseWrite(existing.ocmwId()); // a write that changes nothing is still a write
        return LineOutcome.trajectory(existing.id(), false);
    }

    @Override
    public UUID trajectoryByReference(String reference) {
        TrajectoryRoot trajectory = trajectories.byReference(reference);
        if (trajectory == null) {
            throw new NotFoundProblem("trajectory", reference);
        }
        return trajectory.id();
    }

    @Override
    public LineOutcome createInstrument(UUID trajectoryId, NewInstrument in) {
        return newInstrument(trajectoryId, in, null);
    }

    @Override
    public LineOutcome putInstrument(UUID trajectoryId, String reference, NewInstrument in, IfMatch ifMatch) {
        InstrumentBatch.Existing existing = instruments.existing(reference, trajectoryId, in);
        if (existing == null) {
            return newInstrument(trajectoryId, in, reference);
        }
        if (!existing.unchanged()) {
            throw new SingleCallNeeded();
        }
        registrar.authoriseWrite(existing.ocmwId()); // a write that changes nothing is still a write
        return LineOutcome.instrument(trajectoryId, existing.id(), false);
    }

    private LineOutcome newInstrument(UUID trajectoryId, NewInstrument in, String reference) {
        TrajectoryRoot trajectory = trajectories.byId(trajectoryId);
        if (trajectory == null) {
            throw new NotFoundProblem("trajectory", trajectoryId.toString());
        }
        Registrar.Registration registration = registrar.authorise(trajectory.ocmwId(), in.coachId(),
                facts(in.coachId(), trajectory.ocmwId()));
        return LineOutcome.instrument(trajectory.id(), instruments.add(trajectory, in, registration, reference), true);
    }

    /** Writes what the lines made, trajectories first. */
    void write() {
        trajectories.write();
        instruments.write();
    }

    private Registrar.Facts facts(UUID coachId, String ocmwId) {
        return facts.computeIfAbsent(coachId + " " + ocmwId, k -> registrar.facts(coachId, ocmwId));
    }
}
