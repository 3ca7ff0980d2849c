package be.twe.common.privacy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
    /** One record of personal data read by the current caller. */
    public record Entry(OffsetDateTime occurredAt, String subject, String organisationId, List<String> roles,
                        String operation, String ocmwId, UUID trajectoryId, String resourceType,
                        String resourceId) {
    }

    /** What was read: a record of a trajectory's file. */
    public record Read(String ocmwId, UUID trajectoryId, String resourceType, String resourceId) {
    }

    /**
     * Entries that may wait for the writer. Beyond them a reader writes its own entries before it
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
        queue(reads.stream().map(read -> new Entry(now, caller.subject(), caller.organisationId(), roles, operation,
                read.ocmwId(), read.trajectoryId(), read.resourceType(), read.resourceId())).toList());
    }

    /** Queues entries for the writer; past {@link #BACKLOG} the caller writes them itself. */
    void queue(List<Entry> entries) {
        if (size.get() >= BACKLOG) {
            writer.writeNow(entries);
            return;
        }
        queued.addAll(entries);
        size.addAndGet(entries.size());
    }

    public void read(String operation, Read read) {
        read(operation, List.of(read));
    }

    /** Takes up to {@code max} queued entries, oldest first. */
    List<Entry> take(int max) {
        List<Entry> taken = new ArrayList<>();
        Entry entry;
        while (taken.size() < max && (entry = queued.poll()) != null) {
            taken.add(entry);
            size.decrementAndGet();
        }
        return taken;
    }

    /** Queues again entries whose write failed (their time is kept, their place in line is not). */
    void putBack(List<Entry> entries) {
        queued.addAll(entries);
        size.addAndGet(entries.size());
    }

    int pending() {
        return size.get();
    }
}
