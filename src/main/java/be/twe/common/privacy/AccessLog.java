package be.twe.common.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;

/**
 * Records who read a client's file (issue 21). A read only queues its entries here; {@link
 * AccessLogWriter} writes them in batches on a connection of its own, so a read is not slowed
 * by the log and an entry survives the rollback of the read's transaction.
 */
@ApplicationScoped
public class AccessLog {
    /**
     * The records of one OCMW's files of one type read by the current caller in one operation, as
     * aligned lists (a row of {@code access_log}, V33).
     */
    public record Entry(OffsetDateTime occurredAt, String subject, String organisationId, List<String> roles,
                        String operation, String ocmwId, String resourceType, List<UUID> trajectoryIds,
                        List<String> resourceIds) {
        public int records() {
            return resourceIds.size();
        }
    }

    /** The most records an entry holds (the table's check). */
    static final int MAX_RECORDS = 1024;

    /** What was read: a record of a trajectory's file. */
    public record Read(String ocmwId, UUID trajectoryId, String resourceType, String resourceId) {
    }

    /**
     * Records that may wait for the writer. Beyond them a reader writes its own entries before it
     * is answered: reads that outpace the writer (pages of 50 at full speed) slow down a little
     * instead of filling the heap (issue 30: the queue grew without bound and the service with it).
     */
    static final int BACKLOG = 20_000;

    @Inject
    CallerContext callers;
    @Inject
    AccessLogWriter writer;

    final ConcurrentLinkedQueue<Entry> queued = new ConcurrentLinkedQueue<>();
    final AtomicInteger size = new AtomicInteger();

    /** The current caller read these records through {@code operation}. */
    public void read(String operation, List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        Caller caller = callers.current();
        OffsetDateTime now = OffsetDateTime.now();
        List<String> roles = caller.roles().stream().sorted().toList();
        Map<List<String>, List<Read>> byFile = new LinkedHashMap<>();
        for (Read read : reads) {
            byFile.computeIfAbsent(List.of(read.ocmwId(), read.resourceType()), k -> new ArrayList<>()).add(read);
        }
        List<Entry> entries = new ArrayList<>();
        byFile.forEach((key, all) -> {
            for (int from = 0; from < all.size(); from += MAX_RECORDS) {
                List<Read> some = all.subList(from, Math.min(all.size(), from + MAX_RECORDS));
                entries.add(new Entry(now, caller.subject(), caller.organisationId(), roles, operation, key.get(0),
                        key.get(1), some.stream().map(Read::trajectoryId).toList(),
                        some.stream().map(Read::resourceId).toList()));
            }
        });
        queue(entries);
    }

    /**
     * Queues entries for the writer, and wakes it when they fill half of the backlog; past
     * {@link #BACKLOG} records the caller writes them itself.
     */
    void queue(List<Entry> entries) {
        if (size.get() >= BACKLOG) {
            writer.writeNow(entries);
            return;
        }
        putBack(entries);
        if (size.get() >= BACKLOG / 2) {
            writer.flushSoon();
        }
    }

    public void read(String operation, Read read) {
        read(operation, List.of(read));
    }

    /** Takes queued entries, oldest first, until they hold {@code max} records or more. */
    List<Entry> take(int max) {
        List<Entry> taken = new ArrayList<>();
        int records = 0;
        Entry entry;
        while (records < max && (entry = queued.poll()) != null) {
            taken.add(entry);
            records += entry.records();
            size.addAndGet(-entry.records());
        }
        return taken;
    }

    /** Queues (again, when their write failed) entries: their time is kept, their place in line is not. */
    void putBack(List<Entry> entries) {
        queued.addAll(entries);
        size.addAndGet(records(entries));
    }

    static int records(List<Entry> entries) {
        return entries.stream().mapToInt(Entry::records).sum();
    }

    int pending() {
        return size.get();
    }
}
