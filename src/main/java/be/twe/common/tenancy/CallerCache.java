package be.twe.common.tenancy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whom an organisation acts for on a day, kept for a few seconds so that a request does not read
 * organisation and mandates again (issue 20). Emptied at once when a mandate or organisation
 * changes: by this instance after its own commit, and by {@link CallerChangeListener} for every
 * instance's commits. While that listener is not connected, nothing is kept: a change another
 * instance made could not reach this one, and the time-to-live alone would let a cluster act on
 * an ended mandate for that long.
 */
@ApplicationScoped
public class CallerCache {
    record Key(String organisationId, LocalDate date) {
    }

    /** What the organisation and mandate rows say about an organisation on a day. */
    record Resolved(OrganisationKind kind, Set<String> actingFor, Set<String> visible, Set<String> own) {
    }

    /** A resolution and the generation of the cache before it was read from the database. */
    private record Entry(long generation, Resolved resolved) {
    }

    private final Cache<Key, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;
    private volatile boolean listening;

    CallerCache(@ConfigProperty(name = "twe.security.caller-cache-ttl", defaultValue = "30s") Duration ttl,
                TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    Resolved get(String organisationId, LocalDate date, Supplier<Resolved> load) {
        long before = generation.get();
        if (!listening) {
            return load.get();
        }
        Key key = new Key(organisationId, date);
        Entry entry = entries.getIfPresent(key);
        if (entry != null && entry.generation() == before) {
            return entry.resolved();
        }
        // A change may commit while this reads: then the generation moved on and the entry counts
        // as absent. A failed load (an unknown organisation) throws and keeps nothing.
        Resolved resolved = load.get();
        entries.put(key, new Entry(before, resolved));
        return resolved;
    }

    /**
     * In a transaction that changes mandates or organisations: this instance forgets its callers
     * when it commits; other instances when PostgreSQL's notice reaches them (V23).
     */
    public void invalidateAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before: a rolled-back change changed nothing
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidateAll();
                }
            }
        });
    }

    /** After a committed change of mandates or organisations. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    void listening(boolean connected) {
        invalidateAll();
        listening = connected;
    }
}
