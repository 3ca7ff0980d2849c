package be.twe.instrument.service;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.instrument.persistence.InstrumentRows;

/**
 * Reads of many instruments at once (an export's batch): one round trip and no transaction, so
 * not {@code @Transactional} like the services that write. Row-level security decides what the
 * caller sees, as for every other read.
 */
@ApplicationScoped
public class InstrumentReads {
    @Inject
    InstrumentRows rows;

    /**
     * The instruments among the keys of {@code trajectoryOf} that the caller may see and that
     * belong to the trajectory given for them (as their GET checks), by id.
     */
    public Map<UUID, InstrumentView> visible(Map<UUID, UUID> trajectoryOf) {
        return rows.some(trajectoryOf.keySet()).stream().filter(i -> i.trajectoryId.equals(trajectoryOf.get(i.id)))
                .collect(Collectors.toMap(i -> i.id, InstrumentView::new));
    }
}
