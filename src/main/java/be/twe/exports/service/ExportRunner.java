package be.twe.exports.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

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
import be.twe.common.tenancy.SystemWork;
import be.twe.exports.persistence.ExportJobRepository;
import be.twe.sync.persistence.ChangeEventQueries;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes one export as its requesting user: the last change-feed entry of every record the user
 * may see, after {@code since} and up to the feed's position when the export starts, in position
 * order; a record still there is written as the API shows it, a deleted or no longer visible one
 * as a deletion.
 */
@ApplicationScoped
public class ExportRunner {
    private static final int BATCH = 500;
    private static final int TIMEOUT_SECONDS = 4 * 3600;

    @Inject
    SystemWork systemWork;
    @Inject
    ExportJobRepository jobs;
    @Inject
    ChangeEventQueries feed;
    @Inject
    ExportLines lines;
    @Inject
    CallerContext callers;
    @Inject
    Instance<ConstraintProblems> constraintProblems;
    @Inject
    StoredProblems problems;
    @Inject
    JobLease lease;

    /** Makes the export unless another instance is making it (its lease, {@link JobLease}). */
    @ActivateRequestContext
    public void run(UUID exportId) {
        lease.runExclusively("export", exportId, held -> {
            make(exportId);
            return true;
        });
    }

    private void make(UUID exportId) {
        Optional<Object[]> row = systemWork.inTransaction("job start", () -> jobs.submitter(exportId));
        if (row.isEmpty()) {
            return; // finished by another instance while queued here (under the lease, so for good), or purged
        }
        Problem refused = Submitter.of(row.get()).actAs(callers);
        if (refused != null) { // no one to act as
            systemWork.withoutTransaction("export of a refused submitter", () -> {
                finishFailed(exportId, refused);
                return null;
            });
            return;
        }
        long since = ((Number) row.get()[3]).longValue();
        try {
            // one transaction holds the feed's cursor; records are read per batch in transactions of their own
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> export(exportId, since));
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) { // shutting down: it restarts later
                finishFailed(exportId, ThrowableProblems.of(e, constraintProblems));
            }
        }
    }

    /**
     * The cursor's transaction only reads, so it has no transaction id: one would hold every
     * change-feed reader back until the export ends (V31: entries become readable when every
     * older writing transaction has ended). Read-only makes a write in it fail in every test;
     * the job's own rows are written in short transactions of their own.
     */
    private void export(UUID exportId, long since) {
        jobs.readOnly();
        long upTo = feed.lastPosition();
        QuarkusTransaction.requiringNew().run(() -> jobs.start(exportId, upTo));
        List<ChangeEventQueries.Entry> batch = new ArrayList<>();
        int[] counts = {0, 0}; // lines written, deletions
        try (Stream<ChangeEventQueries.Entry> entries = feed.lastPerRecord(callers.current(), since, upTo)) {
            for (var it = entries.iterator(); it.hasNext(); ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IllegalStateException("interrupted");
                }
                batch.add(it.next());
                if (batch.size() == BATCH) {
                    write(exportId, batch, counts);
                }
            }
        }
        write(exportId, batch, counts);
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(exportId, counts[0] - counts[1], counts[1], null));
    }

    private void write(UUID exportId, List<ChangeEventQueries.Entry> batch, int[] counts) {
        List<ExportLines.Line> made = lines.of(batch);
        int first = counts[0] + 1;
        QuarkusTransaction.requiringNew().run(() -> jobs.append(exportId, first,
                made.stream().map(ExportLines.Line::json).toList()));
        counts[0] += made.size();
        counts[1] += (int) made.stream().filter(ExportLines.Line::deletion).count();
        batch.clear();
    }

    private void finishFailed(UUID exportId, Problem problem) {
        String text = problems.write(problem);
        QuarkusTransaction.requiringNew().run(() -> jobs.finish(exportId, 0, 0, text));
    }
}
