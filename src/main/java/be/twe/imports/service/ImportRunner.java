package be.twe.imports.service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
import be.twe.imports.persistence.ImportJobRepository;
import be.twe.imports.persistence.ImportLineRepository;
import be.twe.imports.persistence.ImportLineRepository.Result;
import be.twe.imports.persistence.ImportLineRepository.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one import in file order, as its submitter (the {@link be.twe.common.jobs.JobWorker} acts
 * as that user and holds the job's lease). Lines run in batches, each first as a pipeline ({@link ImportPipeline}: the batch's records read at once, the
 * rules in file order, one write per table). A line that changes an existing record runs alone as
 * its single call. A batch the pipeline could not write runs line by line (ADR 0027): one
 * transaction takes each line (row lock), makes its record and writes its result; a refusal dooms
 * that transaction (the services are transactional), so it is rolled back and split: the lines
 * before the refused one run again, the refused one alone (its record attempt in one transaction,
 * its problem written in another), and the rest as the next batch. Each line thus meets the
 * database as it would as a single call after the lines before it.
 */
@ApplicationScoped
public class ImportRunner implements JobKind {
    static final String KIND = "import";
    private static final Logger LOG = Logger.getLogger(ImportRunner.class);
    /** Lines read ahead at a time: two batches of the default size (twe.imports.batch-lines), run in pairs. */
    private static final int CHUNK = 1_000;

    @Inject
    be.twe.common.metrics.DomainMeters meters;
    @ConfigProperty(name = "twe.imports.batch-lines", defaultValue = "100")
    int batchLines;

    @Inject
    EntityManager em;
    @Inject
    ImportJobRepository jobs;
    @Inject
    ImportLineRepository lines;
    @Inject
    LineOperations operations;
    @Inject
    SingleCalls singleCalls;
    @Inject
    ImportPipeline pipeline;
    @Inject
    Instance<ConstraintProblems> constraintProblems;
    @Inject
    StoredProblems problems;
    @Inject
    CallerContext callers;
    @Inject
    CallerThreads callerThreads;
    /** The second batch of a pair; not interrupted at shutdown, so the first waits at most for its batch. */
    private final ExecutorService beside = Executors.newCachedThreadPool(DaemonThreads.named("import-beside"));

    @Override
    public String name() {
        return KIND;
    }

    /** Reports are kept 30 days after their import finished. */
    @Override
    public Duration keptAfterFinish() {
        return Duration.ofDays(30);
    }

    @Override
    public boolean run(UUID importId, JobLease.Held lease) {
        return runLines(importId, lease, null);
    }

    /** No one to act as: every line gets the refusal. */
    @Override
    public boolean refuse(UUID importId, Problem refusal, JobLease.Held lease) {
        return runLines(importId, lease, refusal);
    }

    private boolean runLines(UUID importId, JobLease.Held lease, Problem refused) {
        QuarkusTransaction.requiringNew().run(() -> jobs.started(importId));
        List<Integer> next = pending(importId, 0);
        CompletableFuture<Map<Integer, ImportPipeline.Read>> ahead = readAhead(importId, next, refused);
        while (!next.isEmpty()) {
            if (!lease.stillHeld()) {
                return false; // its session ended: another instance may have taken the job over
            }
            // the chunk after this one is read while this one runs: this one's lines do not change it
            List<Integer> following = pending(importId, next.get(next.size() - 1));
            Map<Integer, ImportPipeline.Read> read = readAhead(ahead);
            ahead = readAhead(importId, following, refused);
            for (int done = 0; done < next.size(); ) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (refused != null) {
                    fail(importId, next.get(done++), refused);
                    continue;
                }
                List<Integer> first = next.subList(done, Math.min(next.size(), done + batchLines));
                List<Integer> second = next.subList(done + first.size(),
                        Math.min(next.size(), done + first.size() + batchLines));
                if (!second.isEmpty() && BatchKeys.independent(reads(read, first), reads(read, second))) {
                    sideBySide(importId, first, second, read);
                    meters.importBatchesRanBeside();
                    done += first.size() + second.size();
                } else {
                    done += runBatch(importId, first, read);
                }
            }
            next = following;
        }
        QuarkusTransaction.requiringNew().run(() -> jobs.finishIfDone(importId));
        return true;
    }

    private static List<ImportPipeline.Read> reads(Map<Integer, ImportPipeline.Read> read, List<Integer> batch) {
        return batch.stream().map(read::get).toList(); // null for a line not read ahead
    }

    /**
     * Runs two batches that name nothing in common ({@link BatchKeys}) side by side, the second on
     * a thread of its own as the same user, each on a connection of its own (issue 31: a batch's
     * statements kept one of PostgreSQL's two cores busy).
     */
    private void sideBySide(UUID importId, List<Integer> first, List<Integer> second,
                            Map<Integer, ImportPipeline.Read> read) {
        Caller caller = callers.current();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> callerThreads.as(caller, () -> {
            runAll(importId, second, read);
            return null;
        }), beside);
        try {
            runAll(importId, first, read);
        } finally {
            DaemonThreads.join(other);
        }
    }

    private void runAll(UUID importId, List<Integer> batch, Map<Integer, ImportPipeline.Read> read) {
        for (int done = 0; done < batch.size(); ) {
            done += runBatch(importId, batch.subList(done, batch.size()), read);
        }
    }

    @PreDestroy
    void stop() {
        beside.shutdown();
    }

    private CompletableFuture<Map<Integer, ImportPipeline.Read>> readAhead(UUID importId, List<Integer> lines,
                                                                           Problem refused) {
        return refused != null || lines.isEmpty() ? CompletableFuture.completedFuture(Map.of())
                : pipeline.readAhead(importId, lines);
    }

    /** What was read ahead; nothing when that failed (the batch then reads its lines itself). */
    private static Map<Integer, ImportPipeline.Read> readAhead(CompletableFuture<Map<Integer, ImportPipeline.Read>> ahead) {
        try {
            return ahead.join();
        } catch (CompletionException | CancellationException e) {
            return Map.of();
        }
    }

    private List<Integer> pending(UUID importId, int after) {
        return QuarkusTransaction.requiringNew().call(() -> lines.pending(importId, after, CHUNK));
    }

    /**
     * Runs the lines as a pipeline ({@link ImportPipeline}); a line that changes an existing record
     * then runs alone, and a batch the pipeline could not write runs line by line. Returns how many
     * lines it settled.
     */
    private int runBatch(UUID importId, List<Integer> batch, Map<Integer, ImportPipeline.Read> readAhead) {
        ImportPipeline.Settled settled;
        try {
            settled = pipeline.run(importId, batch, readAhead);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return batch.size(); // shutting down: the lines stay pending, and the caller stops
            }
            LOG.debugf("A batch of %d lines runs line by line: %s", batch.size(), e.getClass().getSimpleName());
            return runInOrder(importId, batch);
        }
        if (!settled.singleCallNext()) {
            return settled.lines();
        }
        process(importId, batch.get(settled.lines()));
        return settled.lines() + 1;
    }

    /**
     * Runs the lines one after the other in one transaction up to the first refused one; returns
     * how many lines it settled (all, or those before the refused one and that one).
     */
    private int runInOrder(UUID importId, List<Integer> batch) {
        if (batch.size() == 1) {
            process(importId, batch.get(0));
            return 1;
        }
        int[] reached = {0};
        try {
            int ran = QuarkusTransaction.requiringNew().call(() -> {
                int taken = 0;
                for (int line : batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("interrupted");
                    }
                    taken += runLine(importId, line) ? 1 : 0;
                    reached[0]++;
                }
                return taken;
            });
            for (int i = 0; i < ran; i++) {
                meters.importLine(true);
            }
            return batch.size();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return batch.size(); // shutting down: the lines stay pending, and the caller stops
            }
            int refusedAt = Math.min(reached[0], batch.size() - 1); // a failed commit: the last one is tried alone
            int settled = refusedAt == 0 ? 0 : runInOrder(importId, batch.subList(0, refusedAt));
            if (settled < refusedAt) {
                return settled; // the earlier lines met a refusal this time (a concurrent change): go on from there
            }
            process(importId, batch.get(refusedAt));
            return refusedAt + 1;
        }
    }

    /** Takes the line and makes its record in the current transaction; false when it was no longer pending. */
    private boolean runLine(UUID importId, int line) {
        return lines.takePending(importId, line).map(text -> {
            LineOutcome done = operations.read(text).call(singleCalls);
            lines.record(importId, line, new Result(Status.SUCCEEDED, done.httpStatus(), done.resourceType(),
                    done.resourceId(), done.path(), null));
            em.flush();
            em.clear(); // else every later line's flush checks all records the batch made so far
            return true;
        }).orElse(false);
    }

    void process(UUID importId, int line) {
        try {
            boolean ran = QuarkusTransaction.requiringNew().call(() -> runLine(importId, line));
            if (ran) {
                meters.importLine(true);
            }
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) { // shutting down: the line stays pending
                fail(importId, line, ThrowableProblems.of(e, constraintProblems));
            }
        }
    }

    private void fail(UUID importId, int line, Problem problem) {
        String text = problems.write(problem);
        QuarkusTransaction.requiringNew().run(() -> lines.record(importId, line,
                new Result(Status.FAILED, problem.getStatus(), null, null, null, text)));
        meters.importLine(false);
    }
}
