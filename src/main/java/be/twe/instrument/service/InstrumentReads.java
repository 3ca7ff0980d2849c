package be.twe.instrument.service;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.instrument.persistence.InstrumentEntity;
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

    /** The instruments among {@code ids} the caller may see, by id. */
    public Map<UUID, InstrumentEntity> visible(Collection<UUID> ids) {
        return rows.some(ids).stream().collect(Collectors.toMap(i -> i.id, i -> i));
    }
}
