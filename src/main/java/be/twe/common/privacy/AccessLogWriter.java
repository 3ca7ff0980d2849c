package be.twe.common.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import be.twe.common.error.DatabaseOutage;
import be.twe.common.jobs.DaemonThreads;
import be.twe.common.metrics.DomainMeters;
import be.twe.common.tenancy.SystemWork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes the queued access-log entries every second, in batches, on a connection of its own in
 * auto-commit: no request waits for it and no request's rollback takes an entry with it. While
 * the database cannot be used the entries wait (at most {@link #MAX_PENDING}); at shutdown the
 * queue is written once more.
 */
@ApplicationScoped
public class AccessLogWriter {
    static final int BATCH = 1000;
    static final int MAX_PENDING = 100_000;
    private static final Logger LOG = Logger.getLogger(AccessLogWriter.class);

    @Inject
    AccessLog log;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DatabaseOutage outage;
    @Inject
    DomainMeters meters;
    @Inject
    SystemWork systemWork;

    /** The write {@link #flushSoon} started last; done when none runs. */
    private final AtomicReference<CompletableFuture<Integer>> soon =
            new AtomicReference<>(CompletableFuture.completedFuture(0));
    private final ExecutorService flusher = Executors.newSingleThreadExecutor(DaemonThreads.named("access-log-flush"));

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everySecond() {
        flush();
    }

    /**
     * Writes the queue now, on a thread of its own, unless such a write runs already: the queue
     * filled half way to where readers write their own entries. An export queues one record per
     * record it reads, 40,000 a second, and wrote a third of them on its own thread, waiting
     * (issue 31: an export ran 7 % faster once its thread no longer wrote them).
     */
    void flushSoon() {
        CompletableFuture<Integer> running = soon.get();
        if (!running.isDone()) {
            return;
        }
        CompletableFuture<Integer> next = new CompletableFuture<>();
        if (soon.compareAndSet(running, next)) {
            flusher.execute(() -> {
                try {
                    next.complete(flush());
                } catch (RuntimeException e) {
                    next.completeExceptionally(e);
                }
            });
        }
    }

    /** The write {@link #flushSoon} started last. */
    CompletableFuture<Integer> flushingSoon() {
        return soon.get();
    }

    @PreDestroy
    void stop() {
        flusher.shutdown(); // a write that runs ends; the queue's rest is written at shutdown
    }

    void atShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    /**
     * Writes everything queued so far; returns how many entries it wrote. Outside any transaction
     * of the caller's: a connection enlisted in one could not be put in auto-commit.
     */
    public int flush() {
        return QuarkusTransaction.suspendingExisting()
                .call(() -> systemWork.withoutTransaction("access log writer", this::flushQueued));
    }

    /** Writes a reader's entries at once, while the queue is full (AccessLog.BACKLOG). */
    void writeNow(List<AccessLog.Entry> entries) {
        QuarkusTransaction.suspendingExisting()
                .call(() -> systemWork.withoutTransaction("access log writer", () -> writeBatch(entries)));
    }

    private synchronized int flushQueued() {
        int written = 0;
        for (List<AccessLog.Entry> batch = log.take(BATCH); !batch.isEmpty(); batch = log.take(BATCH)) {
            int done = writeBatch(batch);
            if (done < 0) {
                return written;
            }
            written += done;
        }
        return written;
    }

    /** Writes one batch; -1 when the database cannot be used (the batch waits in the queue). */
    private int writeBatch(List<AccessLog.Entry> batch) {
        try {
            write(batch);
            return batch.size();
        } catch (SQLException | RuntimeException e) {
            if (DatabaseOutage.isUnavailability(e)) {
                outage.failed(e);
                keep(batch);
                return -1;
            }
            return oneByOne(batch); // one entry the database refuses must not hold back the others
        }
    }

    /**
     * Writes each entry of a refused batch on its own: an entry refused again is dropped, counted
     * and logged by its SQLSTATE only (the driver's message can hold its values, issue 30); when the
     * database becomes unavailable, the entries not yet written wait for the next flush.
     */
    private int oneByOne(List<AccessLog.Entry> batch) {
        int written = 0;
        for (int i = 0; i < batch.size(); i++) {
            try {
                write(List.of(batch.get(i)));
                written++;
            } catch (SQLException | RuntimeException e) {
                if (DatabaseOutage.isUnavailability(e)) {
                    outage.failed(e);
                    keep(batch.subList(i, batch.size()));
                    return written;
                }
                meters.accessLogEntryRefused();
                LOG.errorf("Access log: an entry was refused (SQLSTATE %s) and dropped; the others are written",
                        e instanceof SQLException sql ? sql.getSQLState() : e.getClass().getName());
            }
        }
        return written;
    }

    private void keep(List<AccessLog.Entry> batch) {
        int room = MAX_PENDING - log.pending();
        int kept = 0;
        for (int records = 0; kept < batch.size() && records + batch.get(kept).records() <= room; kept++) {
            records += batch.get(kept).records();
        }
        if (kept < batch.size()) {
            // memory is bounded; the count, never the content, is logged
            LOG.errorf("Access log: %d entries dropped, the database could not be used for too long",
                    AccessLog.records(batch.subList(kept, batch.size())));
        }
        log.putBack(batch.subList(0, kept));
    }

    /**
     * One statement for the whole batch, its columns as arrays. The records of all entries travel
     * as flat arrays, each record with its entry's number, and are gathered again per entry
     * (PostgreSQL has no arrays of arrays of different lengths; slicing one array per entry cost
     * three times the insert).
     */
    private void write(List<AccessLog.Entry> batch) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into access_log (occurred_at, subject, organisation_id, roles, operation, ocmw_id,
                                        resource_type, trajectory_ids, resource_ids)
                select occurred_at, subject, organisation_id, string_to_array(roles, ','), operation, ocmw_id,
                       resource_type, r.trajectory_ids, r.resource_ids
                from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     with ordinality as e (occurred_at, subject, organisation_id, roles, operation, ocmw_id,
                                           resource_type, entry)
                join (select entry, array_agg(trajectory_id order by place) as trajectory_ids,
                             array_agg(resource_id order by place) as resource_ids
                      from unnest(?::int[], ?::uuid[], ?::text[]) with ordinality
                           as u (entry, trajectory_id, resource_id, place)
                      group by entry) r using (entry)
                order by entry""")) {
            c.setAutoCommit(true);
            insert.setArray(1, c.createArrayOf("timestamptz", column(batch, AccessLog.Entry::occurredAt)));
            insert.setArray(2, c.createArrayOf("text", column(batch, AccessLog.Entry::subject)));
            insert.setArray(3, c.createArrayOf("text", column(batch, AccessLog.Entry::organisationId)));
            insert.setArray(4, c.createArrayOf("text", column(batch, e -> String.join(",", e.roles()))));
            insert.setArray(5, c.createArrayOf("text", column(batch, AccessLog.Entry::operation)));
            insert.setArray(6, c.createArrayOf("text", column(batch, AccessLog.Entry::ocmwId)));
            insert.setArray(7, c.createArrayOf("text", column(batch, AccessLog.Entry::resourceType)));
            List<Object> entries = new ArrayList<>();
            List<Object> trajectories = new ArrayList<>();
            List<Object> resources = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                for (int j = 0; j < batch.get(i).records(); j++) {
                    entries.add(i + 1);
                }
                trajectories.addAll(batch.get(i).trajectoryIds());
                resources.addAll(batch.get(i).resourceIds());
            }
            insert.setArray(8, c.createArrayOf("int4", entries.toArray()));
            insert.setArray(9, c.createArrayOf("uuid", trajectories.toArray()));
            insert.setArray(10, c.createArrayOf("text", resources.toArray()));
            insert.executeUpdate();
        }
    }

    /** A column as text, which PostgreSQL casts to the column's type. */
    private static String[] column(List<AccessLog.Entry> batch, Function<AccessLog.Entry, Object> value) {
        return batch.stream().map(value).map(v -> v == null ? null : v.toString()).toArray(String[]::new);
    }
}
