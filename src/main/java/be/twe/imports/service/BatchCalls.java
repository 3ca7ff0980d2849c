package be.twe.imports.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.rest.IfMatch;
import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.MaxDurationEntity;
import be.twe.instrument.service.InstrumentReferences;
import be.twe.instrument.service.InstrumentRules;
import be.twe.instrument.service.InstrumentService;
import be.twe.instrument.service.NewInstrument;
import be.twe.trajectory.persistence.ClientEntity;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryReferences;
import be.twe.trajectory.service.TrajectoryRules;
import be.twe.trajectory.service.TrajectoryService.NewTrajectory;
import be.twe.trajectory.service.TrajectoryService;

/**
 * A batch of import lines' calls on the records the batch read at once ({@link Records}): the
 * same rule functions as the services, in file order, each line seeing what the lines before it
 * made. The records to make are collected and written by the batch in one statement per table,
 * where the constraints have the last word. A change of an existing record is left to the single
 * call ({@link SingleCallNeeded}).
 */
final class BatchCalls implements LineCalls {
    /** This line changes an existing record: it runs as a single call, after the lines before it are written. */
    static final class SingleCallNeeded extends RuntimeException {
        SingleCallNeeded() {
            super(null, null, false, false);
        }
    }

    /** What the batch's lines name, read before its first line runs, and what its lines made so far. */
    record Records(Map<String, TrajectoryEntity> trajectoriesByReference, Map<UUID, TrajectoryEntity> trajectories,
                   Map<UUID, List<InstrumentEntity>> instruments, Map<String, InstrumentEntity> instrumentsByReference,
                   Set<String> clientsWithOpenTrajectory, List<MaxDurationEntity> maxDurations) {
    }

    /** PostgreSQL's order of uuids (unsigned bytes), which a single call's instrument list has. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::getMostSignificantBits,
            Long::compareUnsigned).thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<InstrumentEntity> INSTRUMENT_ORDER = Comparator
            .comparing((InstrumentEntity i) -> i.startDate).thenComparing(i -> i.id, UUID_ORDER);

    private final Records records;
    private final Registrar registrar;
    private final Iterable<ConstraintProblems> constraints;
    private final Map<String, Registrar.Facts> facts = new HashMap<>();
    final List<TrajectoryEntity> newTrajectories = new ArrayList<>();
    final List<InstrumentEntity> newInstruments = new ArrayList<>();

    BatchCalls(Records records, Registrar registrar, Iterable<ConstraintProblems> constraints) {
        this.records = records;
        this.registrar = registrar;
        this.constraints = constraints;
    }

    @Override
    public LineOutcome createTrajectory(NewTrajectory in) {
        TrajectoryRules.requireNew(in);
        Registrar.Registration registration = registrar.authoriseOn(in.ocmwId(), in.coachId(), in.startDate(),
                facts(in.coachId(), in.ocmwId()));
        boolean referenceTaken = in.externalReference() != null
                && records.trajectoriesByReference().containsKey(in.externalReference());
        boolean clientOpen = records.clientsWithOpenTrajectory().contains(in.clientInsz());
        if (referenceTaken && clientOpen) {
            throw new SingleCallNeeded(); // which constraint PostgreSQL reports first is its own to say
        }
        if (referenceTaken || clientOpen) {
            throw ConstraintProblems.of(clientOpen ? "trajectory_one_open_per_client"
                    : "trajectory_registered_by_external_reference_key", constraints);
        }
        TrajectoryEntity trajectory = TrajectoryService.newTrajectory(in, registration);
        trajectory.client = new ClientEntity();
        trajectory.client.insz = in.clientInsz();
        trajectory.plannedEndDate = TrajectoryRules.plannedEnd(in.startDate());
        newTrajectories.add(trajectory);
        records.trajectories().put(trajectory.id, trajectory);
        if (trajectory.externalReference != null) {
            records.trajectoriesByReference().put(trajectory.externalReference, trajectory);
        }
        records.clientsWithOpenTrajectory().add(in.clientInsz());
        return LineOutcome.trajectory(trajectory.id, true);
    }

    @Override
    public LineOutcome putTrajectory(String reference, NewTrajectory in, IfMatch ifMatch) {
        TrajectoryReferences.requireReference(in, reference);
        TrajectoryEntity existing = records.trajectoriesByReference().get(reference);
        if (existing == null) {
            return createTrajectory(new NewTrajectory(in.ocmwId(), in.clientInsz(), in.startDate(), in.coachId(),
                    reference));
        }
        TrajectoryReferences.requireSameTrajectory(existing, in);
        if (!existing.coachId.equals(in.coachId())) {
            throw new SingleCallNeeded();
        }
        registrar.authoriseWrite(existing.ocmwId); // a write that changes nothing is still a write
        return LineOutcome.trajectory(existing.id, false);
    }

    @Override
    public UUID trajectoryByReference(String reference) {
        TrajectoryEntity trajectory = records.trajectoriesByReference().get(reference);
        if (trajectory == null) {
            throw new NotFoundProblem("trajectory", reference);
        }
        return trajectory.id;
    }

    @Override
    public LineOutcome createInstrument(UUID trajectoryId, NewInstrument in) {
        return newInstrument(trajectoryId, in, null);
    }

    @Override
    public LineOutcome putInstrument(UUID trajectoryId, String reference, NewInstrument in, IfMatch ifMatch) {
        InstrumentEntity existing = records.instrumentsByReference().get(reference);
        if (existing == null) {
            return newInstrument(trajectoryId, in, reference);
        }
        InstrumentReferences.requireSameInstrument(existing, trajectoryId, in);
        if (!NewInstrument.of(existing).equals(in)) {
            throw new SingleCallNeeded();
        }
        registrar.authoriseWrite(existing.ocmwId); // a write that changes nothing is still a write
        return LineOutcome.instrument(trajectoryId, existing.id, false);
    }

    private LineOutcome newInstrument(UUID trajectoryId, NewInstrument in, String reference) {
        TrajectoryEntity trajectory = records.trajectories().get(trajectoryId);
        if (trajectory == null) {
            throw new NotFoundProblem("trajectory", trajectoryId.toString());
        }
        Registrar.Registration registration = registrar.authorise(trajectory.ocmwId, in.coachId(),
                facts(in.coachId(), trajectory.ocmwId));
        List<InstrumentEntity> others = records.instruments().computeIfAbsent(trajectory.id, t -> new ArrayList<>());
        InstrumentRules.check(trajectory, in, null, others, (kind, day) -> records.maxDurations().stream()
                .filter(d -> d.validFor(kind, day)).findFirst());
        InstrumentEntity instrument = InstrumentService.newInstrument(trajectory, in, registration, reference);
        int at = 0;
        while (at < others.size() && INSTRUMENT_ORDER.compare(others.get(at), instrument) < 0) {
            at++;
        }
        others.add(at, instrument);
        newInstruments.add(instrument);
        if (reference != null) {
            records.instrumentsByReference().put(reference, instrument);
        }
        return LineOutcome.instrument(trajectory.id, instrument.id, true);
    }

    private Registrar.Facts facts(UUID coachId, String ocmwId) {
        return facts.computeIfAbsent(coachId + " " + ocmwId, k -> registrar.facts(coachId, ocmwId));
    }
}
