package be.twe.common.jobs;

import java.time.Duration;
import java.util.UUID;

import be.twe.api.model.Problem;

/**
 * What one kind of background job does (an import, an export); everything else a job needs is
 * {@link JobWorker}'s: its queue, its lease, acting as its submitter, resuming it after a restart
 * and purging it once finished. Its rows are in the table {@code <name>_job}, a {@link UserOwned}
 * row with {@code submitted_at} and {@code finished_at}.
 */
public interface JobKind {

    /** Its name: the lease's key space, the queue's thread, the table {@code <name>_job}. */
    String name();

    /** How long a finished job is kept (its report, its content). */
    Duration keptAfterFinish();

    /**
     * Runs the job as its submitter, who is the caller by now; returns false when it stopped
     * before the end (interrupted, or {@code lease} lost), so that a resumption goes on with it.
     */
    boolean run(UUID id, JobLease.Held lease);

    /**
     * Settles the job when its submitter can no longer be acted as (the organisation ended): runs
     * as named system work and records {@code refusal} as the job's outcome.
     */
    boolean refuse(UUID id, Problem refusal, JobLease.Held lease);
}
