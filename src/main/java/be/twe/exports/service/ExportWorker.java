package be.twe.exports.service;

import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import be.twe.common.error.DatabaseOutage;
import be.twe.common.jobs.Background;
import be.twe.common.jobs.JobQueue;
import be.twe.common.persistence.Timestamps;
import be.twe.common.tenancy.SystemWork;
import be.twe.exports.persistence.ExportJobRepository;
import io.quarkus.scheduler.Scheduled;

/** Makes exports one at a time, started when requested and resumed after a restart. */
@ApplicationScoped
public class ExportWorker {
    private JobQueue queue;

    @Inject
    SystemWork systemWork;
    @Inject
    DatabaseOutage outage;
    @Inject
    ExportRunner runner;
    @Inject
    ExportJobRepository jobs;

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportSubmitted submitted) {
        start(submitted.exportId());
    }

    @Background
    @Scheduled(every = "${twe.exports.resume-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void resumeUnfinished() {
        systemWork.inTransaction("export resumption", jobs::unfinished).forEach(this::start);
    }

    /** The content holds personal data: it is kept one day after the export finished. */
    @Background
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purgeOldExports() {
        systemWork.inTransaction("export purge", () -> jobs.purgeFinishedBefore(Timestamps.now().minusDays(1)));
    }

    private void start(UUID exportId) {
        queue.queue(exportId, runner::run);
    }

    @PostConstruct
    void createQueue() {
        queue = new JobQueue("export", outage);
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }
}
