package be.twe.common.jobs;

import java.util.UUID;

/** Fired when a job is stored; {@link JobWorker} starts it once that transaction has committed. */
public record JobSubmitted(String kind, UUID id) {
}
