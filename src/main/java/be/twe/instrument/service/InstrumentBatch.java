package be.twe.instrument.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.instrument.persistence.InstrumentEntity;
import be.twe.instrument.persistence.InstrumentRepository;
import be.twe.instrument.persistence.MaxDurationEntity;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;

/**
 * The instruments a bulk import's batch names, read at once, and the ones its lines make, written
 * at once (issue 31): {@link InstrumentRules} judge each line on these records, as they judge a
 * single call on the ones it reads.
 */
public final class InstrumentBatch {
    /** Reads a batch's instruments in one statement per kind. */
    @ApplicationScoped
    public static class Reader {
        @Inject
        InstrumentRepository instruments;

        /** The instruments of these trajectories and those the organisation registered under {@code references}. */
        public InstrumentBatch read(String organisation, Collection<UUID> trajectoryIds,
                                    Collection<String> references) {
            Map<UUID, List<InstrumentEntity>> ofTrajectory = instruments.ofTrajectories(trajectoryIds).stream()
                    .collect(Collectors.groupingBy(i -> i.trajectoryId, HashMap::new,
                            Collectors.toCollection(ArrayList::new)));
            Map<String, InstrumentEntity> byReference = new HashMap<>();
            instruments.byReferences(organisation, references).forEach(i -> byReference.put(i.externalReference, i));
            return new InstrumentBatch(instruments, ofTrajectory, byReference, instruments.maxDurations());
        }
    }

    /** An instrument a reference already names: its id and OCMW, and whether the line would change it. */
    public record Existing(UUID id, String ocmwId, boolean unchanged) {
    }

    /** PostgreSQL's order of uuids (unsigned bytes), which a single call's instrument list has. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.comparing(UUID::getMostSignificantBits,
            Long::compareUnsigned).thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<InstrumentEntity> INSTRUMENT_ORDER = Comparator
            .comparing((InstrumentEntity i) -> i.startDate).thenComparing(i -> i.id, UUID_ORDER);

    private final InstrumentRepository repository;
    private final Map<UUID, List<InstrumentEntity>> ofTrajectory;
    private final Map<String, InstrumentEntity> byReference;
    private final List<MaxDurationEntity> maxDurations;
    private final List<InstrumentEntity> made = new ArrayList<>();

    private InstrumentBatch(InstrumentRepository repository, Map<UUID, List<InstrumentEntity>> ofTrajectory,
                            Map<String, InstrumentEntity> byReference, List<MaxDurationEntity> maxDurations) {
        this.repository = repository;
        this.ofTrajectory = ofTrajectory;
        this.byReference = byReference;
        this.maxDurations = maxDurations;
    }

    /**
     * The instrument the reference names, or null; refused as the single call refuses it when it
     * belongs to another trajectory or is of another type.
     */
    public Existing existing(String reference, UUID trajectoryId, NewInstrument in) {
        InstrumentEntity existing = byReference.get(reference);
        if (existing == null) {
            return null;
        }
        InstrumentReferences.requireSameInstrument(existing, trajectoryId, in);
        return new Existing(existing.id, existing.ocmwId, NewInstrument.of(existing).equals(in));
    }

    /**
     * A new instrument of the trajectory after {@link InstrumentRules} allowed it, seen by the
     * lines after it; its id.
     */
    public UUID add(TrajectoryRoot trajectory, NewInstrument in, Registrar.Registration registration,
                    String reference) {
        List<InstrumentEntity> others = ofTrajectory.computeIfAbsent(trajectory.id(), t -> new ArrayList<>());
        InstrumentRules.check(trajectory, in, null, others, (kind, day) -> maxDurations.stream()
                .filter(d -> d.validFor(kind, day)).findFirst());
        InstrumentEntity instrument = InstrumentService.newInstrument(trajectory, in, registration, reference);
        int at = 0;
        while (at < others.size() && INSTRUMENT_ORDER.compare(others.get(at), instrument) < 0) {
            at++;
        }
        others.add(at, instrument);
        made.add(instrument);
        if (reference != null) {
            byReference.put(reference, instrument);
        }
        return instrument.id;
    }

    /** Inserts what the lines made, in one statement; the constraints have the last word. */
    public void write() {
        repository.insertAll(made);
    }
}
