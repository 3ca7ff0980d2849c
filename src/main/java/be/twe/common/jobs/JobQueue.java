package be.twe.common.jobs;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import be.twe.common.error.DatabaseOutage;

/**
 * Background jobs (imports, exports) of one kind, run one at a time on a thread of their own in
 * the order they were queued; a job already queued or running is not queued twice.
 */
public final class JobQueue {
    private static final Logger LOG = Logger.getLogger(JobQueue.class);

    private final String name;
    private final ExecutorService executor;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final DatabaseOutage outage;

    public JobQueue(String name, DatabaseOutage outage) {
        this.name = name;
        this.outage = outage;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "twe-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    public void queue(UUID jobId, Consumer<UUID> job) {
        if (queued.add(jobId)) {
            executor.execute(() -> {
                try {
                    job.accept(jobId);
                } catch (RuntimeException e) {
                    if (DatabaseOutage.isUnavailability(e)) {
                        outage.failed(e); // logged once per outage; the scheduler resumes the job
                    } else {
                        LOG.errorf(e, "%s job %s stopped; the scheduler resumes it", name, jobId);
                    }
                } finally {
                    queued.remove(jobId);
                }
            });
        }
    }

    /** Interrupts the running job (it stops between steps and resumes after the restart). */
    public void stop() {
        executor.shutdownNow();
    }
}
