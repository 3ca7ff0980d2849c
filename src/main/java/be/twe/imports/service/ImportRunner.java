package be.twe.imports.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import be.twe.api.model.Problem;
import be.twe.common.error.ConstraintProblems;
import be.twe.common.error.StoredProblems;
import be.twe.common.error.ThrowableProblems;
import be.twe.common.jobs.JobLease;
import be.twe.common.jobs.Submitter;
import be.twe.common.tenancy.CallerContext;
import be.twe.imports.persistence.ImportJobRepository;
import be.twe.imports.persistence.ImportLineRepository;
import be.twe.imports.persistence.ImportLineRepository.Result;
import be.twe.imports.persistence.ImportLineRepository.Status;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs one import as its submitter, line by line in file order, on one instance at a time. Each
 * line is one transaction that takes the line (row lock), makes the record and writes the
 * result; a refused line's problem is written in a transaction of its own.
 */
@ApplicationScoped
public class ImportRunner {
    @Inject
    be.twe.common.observability.DomainMeters meters;
    private static final int CHUNK = 500;

    @Inject
    ImportJobRepository jobs;
    @Inject
    ImportLineRepository lines;
    @Inject
    LineOperations operations;
    @Inject
    CallerContext callers;
    @Inject
    Instance<ConstraintProblems> constraintProblems;
    @Inject
    StoredProblems problems;
    @Inject
    JobLease lease;

    /**
     * Runs the import unless another instance is running it (its lease, {@link JobLease}): lines
     * run in file order on one instance at a time. Returns whether this worker ran it.
     */
    @ActivateRequestContext
    public boolean run(UUID importId) {
        return lease.runExclusively("import", importId, held -> run(importId, held));
    }

    /** Returns false when interrupted or the lease was lost before the end (the job resumes later). */
    private boolean run(UUID importId, JobLease.Held lease) {
        Optional<Object[]> submitter = QuarkusTransaction.requiringNew().call(() -> jobs.submitter(importId));
        if (submitter.isEmpty()) {
            return true; // purged meanwhile
        }
        Problem refused = Submitter.of(submitter.get()).actAs(callers);
        QuarkusTransaction.requiringNew().run(() -> jobs.started(importId));
        int after = 0;
        for (List<Integer> next = pending(importId, after); !next.isEmpty(); next = pending(importId, after)) {
            if (!lease.stillHeld()) {
                return false; // its session ended: another instance may have taken the job over
            }
            for (int line : next) {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (refused == null) {
                    process(importId, line);
                } else {
                    fail(importId, line, refused);
                }
                after = line;
            }
        }
        QuarkusTransaction.requiringNew().run(() -> jobs.finishIfDone(importId));
        return true;
    }

    private List<Integer> pending(UUID importId, int after) {
        return QuarkusTransaction.requiringNew().call(() -> lines.pending(importId, after, CHUNK));
    }

    void process(UUID importId, int line) {
        try {
            boolean ran = QuarkusTransaction.requiringNew().call(() -> lines.takePending(importId, line).map(text -> {
                LineOutcome done = operations.run(text);
                lines.record(importId, line, new Result(Status.SUCCEEDED, done.httpStatus(), done.resourceType(),
                        done.resourceId(), done.path(), null));
                return true;
            }).orElse(false));
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
