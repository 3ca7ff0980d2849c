package be.twe.exports.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import be.twe.api.model.Problem;
import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.StoredProblems;
import be.twe.common.error.ThrowableProblems;
import be.twe.common.jobs.DaemonThreads;
import be.twe.common.jobs.JobKind;
import be.twe.common.jobs.JobLease;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.CallerThreads;
import be.twe.common.tenancy.SystemWork;
import be.twe.exports.persistence.ExportJobRepository;
import be.twe.sync.service.ChangeFeedService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes one export as its requesting user (the {@link be.twe.common.jobs.JobWorker} acts as that
 * user and holds the job's lease): the last change-feed entry of every record the user
 * may see, after {@code since} and up to the feed's position when the export starts, in position
 * order; a record still there is written as the API shows it, a deleted or no longer visible one
 * as a deletion.
 */
@ApplicationScoped
public class ExportRunner implements JobKind {
    static final String KIND = "export";
    private static final int BATCH = 500;
    /** Batches whose records are read at the same time. */
    private static final int READERS = 2;
    private static final int TIMEOUT_SECONDS = 4 * 3600;
    /** How long an export waits for the writes committed before it to be readable (statement_timeout is 15 s). */
    private static final Duration SETTLING = Duration.ofSeconds(30);

    @Inject
    SystemWork systemWork;
    @Inject
    ExportJobRepository jobs;
    @Inject
    ChangeFeedService feed;
    @Inject
    ExportFeed exportFeed;
    @Inject
    ExportLines lines;
    @Inject
    CallerContext callers;
    @Inject
    CallerThreads callerThreads;
    @Inject
    Instance<ConstraintProblems> constraintProblems;
    @Inject
    StoredProblems problems;

    @Override
    public String name() {
        return KIND;
    }

    /** The content holds personal data: it is kept one day after the export finished. */
    @Override
    public Duration keptAfterFinish() {
        return Duration.ofDays(1);
    }

    /** An export is made at once; the lease only keeps a second instance from making it too. */
    @Override
    public boolean run(UUID exportId, JobLease.Held lease) {
        try {
            // one transaction holds the feed's cursor; records are read per batch in transactions of their own
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> export(exportId));
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return false; // shutting down: it restarts later
            }
            finishFailed(exportId, ThrowableProblems.of(e, constraintProblems));
        }
        return true;
    }

    @Override
    public boolean refuse(UUID exportId, Problem refusal, JobLease.Held lease) {
        finishFailed(exportId, refusal);
        return true;
    }

    /**
     * The cursor's transaction only reads, so it has no transaction id: one would hold every
     * change-feed reader back until the export ends (V31: entries become readable when every
     * older writing transaction has ended). Read-only makes a write in it fail in every test;
     * the job's own rows are written in short transactions of their own.
     */
    private void export(UUID exportId) {
        jobs.readOnly();
        long since = jobs.since(exportId);
        long upTo = feed.settledPosition(SETTLING);
        QuarkusTransaction.requiringNew().run(() -> jobs.start(exportId, upTo));
        Blocks blocks = new Blocks(exportId);
        Reads reads = new Reads(callers.current(), blocks);
        try {
            exportFeed.entries(callers.current(), since, upTo, reads::add);
            reads.finish();
        } catch (RuntimeException e) {
            reads.settle();
            blocks.settle(); // a failed export is marked failed only after its last block is settled
            throw e;
        }
        blocks.awaitWritten();
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(exportId, blocks.lines - blocks.deletions,
                blocks.deletions, null));
    }

    /**
     * Reads the records of an export's batches on {@value #READERS} threads, each on a connection
     * of its own, while the feed's cursor moves on (issue 31: one thread waited for each statement
     * in turn, and PostgreSQL used one core of two). Batches come back in the cursor's order. Each
     * thread reads as the export's user ({@link CallerThreads}).
     */
    private final class Reads {
        private final Caller caller;
        private final Blocks blocks;
        private final Deque<CompletableFuture<List<ExportLines.Line>>> reading = new ArrayDeque<>();
        private List<ExportEntry> batch = new ArrayList<>();

        Reads(Caller caller, Blocks blocks) {
            this.caller = caller;
            this.blocks = blocks;
        }

        /** Adds the cursor's next entry; a full batch starts being read, the oldest of {@value #READERS} is written. */
        void add(ExportEntry entry) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted");
            }
            batch.add(entry);
            if (batch.size() == BATCH) {
                start(batch).ifPresent(blocks::write);
                batch = new ArrayList<>();
            }
        }

        /** Reads the last batch and writes every batch still being read, in order. */
        void finish() {
            start(batch).ifPresent(blocks::write);
            rest().forEach(blocks::write);
        }

        /** Starts reading a batch; returns the oldest batch's lines once {@value #READERS} are being read. */
        private Optional<List<ExportLines.Line>> start(List<ExportEntry> batch) {
            if (!batch.isEmpty()) {
                reading.add(CompletableFuture.supplyAsync(() -> read(batch), pool));
            }
            return reading.size() < READERS ? Optional.empty() : Optional.of(next());
        }

        /** The lines of the batches still being read, in order. */
        private List<List<ExportLines.Line>> rest() {
            List<List<ExportLines.Line>> rest = new ArrayList<>();
            while (!reading.isEmpty()) {
                rest.add(next());
            }
            return rest;
        }

        /** Waits for every batch being read, whatever its outcome. */
        void settle() {
            reading.forEach(r -> r.exceptionally(e -> null).join());
        }

        private List<ExportLines.Line> next() {
            return DaemonThreads.join(reading.poll());
        }

        private List<ExportLines.Line> read(List<ExportEntry> batch) {
            return callerThreads.as(caller, () -> lines.of(batch));
        }
    }

    /**
     * Writes an export's blocks of lines in order, each while the next batch is read (issue 31: the
     * export thread waited for the database at every step, one after the other). At most one block
     * is being written at a time. export_line has no row-level security: only the job's own
     * tenancy decides who downloads it, so a block is written as named system work.
     */
    private final class Blocks {
        private final UUID exportId;
        private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        int lines;
        int deletions;

        Blocks(UUID exportId) {
            this.exportId = exportId;
        }

        void write(List<ExportLines.Line> made) {
            awaitWritten();
            if (made.isEmpty()) {
                return;
            }
            int first = lines + 1;
            List<String> json = made.stream().map(ExportLines.Line::json).toList();
            lines += made.size();
            deletions += (int) made.stream().filter(ExportLines.Line::deletion).count();
            writing = CompletableFuture.runAsync(() -> systemWork.inTransaction("export lines",
                    () -> jobs.append(exportId, first, json)), pool);
        }

        /** Waits for the block being written, whatever its outcome. */
        void settle() {
            writing.exceptionally(e -> null).join();
        }

        /** Waits for the block being written; its failure is the export's. */
        void awaitWritten() {
            DaemonThreads.join(writing);
        }
    }

    /** Reads and writes of exports' batches (at most {@value #READERS} + 1 per export). */
    private final ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("export-batches"));

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    private void finishFailed(UUID exportId, Problem problem) {
        String text = problems.write(problem);
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(exportId, 0, 0, text));
    }
}
