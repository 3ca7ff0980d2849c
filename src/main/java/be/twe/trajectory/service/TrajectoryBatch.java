package be.twe.trajectory.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.trajectory.persistence.ClientEntity;
import be.twe.trajectory.persistence.TrajectoryEntity;
import be.twe.trajectory.persistence.TrajectoryRepository;

/**
 * The trajectories a bulk import's batch names, read at once, and the ones its lines make, written
 * at once (issue 31). The lines run the same rules as the single calls on these records; the
 * import never holds the entities.
 */
public final class TrajectoryBatch {
    /** Reads a batch's trajectories in one statement per kind. */
    @ApplicationScoped
    public static class Reader {
        @Inject
        TrajectoryRepository trajectories;

        /**
         * The trajectories the organisation registered under {@code references}, those with
         * {@code ids}, and which of the {@code clients} have an open trajectory, as the caller sees them.
         */
        public TrajectoryBatch read(String organisation, Collection<String> references, Collection<UUID> ids,
                                    Collection<String> clients) {
            Map<String, TrajectoryEntity> byReference = new HashMap<>(trajectories.byReferences(organisation,
                    references));
            Map<UUID, TrajectoryEntity> byId = new HashMap<>(trajectories.byIds(ids));
            byReference.values().forEach(t -> byId.putIfAbsent(t.id, t));
            return new TrajectoryBatch(trajectories, byReference, byId,
                    new HashSet<>(trajectories.withOpenTrajectory(clients)));
        }
    }

    private final TrajectoryRepository repository;
    private final Map<String, TrajectoryEntity> byReference;
    private final Map<UUID, TrajectoryEntity> byId;
    private final Set<String> clientsWithOpenTrajectory;
    private final List<TrajectoryEntity> made = new ArrayList<>();

    private TrajectoryBatch(TrajectoryRepository repository, Map<String, TrajectoryEntity> byReference,
                            Map<UUID, TrajectoryEntity> byId, Set<String> clientsWithOpenTrajectory) {
        this.repository = repository;
        this.byReference = byReference;
        this.byId = byId;
        this.clientsWithOpenTrajectory = clientsWithOpenTrajectory;
    }

    /** The ids of every trajectory read or made so far. */
    public Set<UUID> ids() {
        return byId.keySet();
    }

    public TrajectoryRoot byId(UUID id) {
        TrajectoryEntity t = byId.get(id);
        return t == null ? null : TrajectoryRoot.of(t);
    }

    public TrajectoryRoot byReference(String reference) {
        TrajectoryEntity t = byReference.get(reference);
        return t == null ? null : TrajectoryRoot.of(t);
    }

    public boolean clientHasOpenTrajectory(String insz) {
        return clientsWithOpenTrajectory.contains(insz);
    }

    /** The referenced trajectory is the one {@code in} describes ({@link TrajectoryReferences#requireSameTrajectory}). */
    public void requireSameTrajectory(String reference, TrajectoryService.NewTrajectory in) {
        TrajectoryReferences.requireSameTrajectory(byReference.get(reference), in);
    }

    /** A trajectory the rules allowed, made by the batch and seen by the lines after it. */
    public TrajectoryRoot add(TrajectoryService.NewTrajectory in, Registrar.Registration registration) {
        TrajectoryEntity trajectory = TrajectoryService.newTrajectory(in, registration);
        trajectory.client = new ClientEntity();
        trajectory.client.insz = in.clientInsz();
        trajectory.plannedEndDate = TrajectoryRules.plannedEnd(in.startDate());
        made.add(trajectory);
        byId.put(trajectory.id, trajectory);
        if (trajectory.externalReference != null) {
            byReference.put(trajectory.externalReference, trajectory);
        }
        clientsWithOpenTrajectory.add(in.clientInsz());
        return TrajectoryRoot.of(trajectory);
    }

    /** Inserts what the lines made, in one statement; the constraints have the last word. */
    public void write() {
        repository.insertAll(made);
    }
}
