package be.twe.imports.service;

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
import be.twe.imports.persistence.ImportJobRepository;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs imports one at a time on a thread of its own, in submission order: started when the
 * submission commits, and resumed by the scheduler after a restart or an interruption.
 */
@ApplicationScoped
public class ImportWorker {
    private JobQueue queue;

    @Inject
    SystemWork systemWork;
    @Inject
    DatabaseOutage outage;
    @Inject
    ImportRunner runner;
    @Inject
    ImportJobRepository jobs;

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ImportSubmitted submitted) {
        start(submitted.importId());
    }

    @Background
    @Scheduled(every = "${twe.imports.resume-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void resumeUnfinished() {
        systemWork.inTransaction("import resumption", jobs::unfinished).forEach(this::start);
    }

    /** Reports are kept 30 days after their import finished. */
    @Background
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purgeOldReports() {
        systemWork.inTransaction("import purge", () -> jobs.purgeFinishedBefore(Timestamps.now().minusDays(30)));
    }

    private void start(UUID importId) {
        queue.queue(importId, runner::run);
    }

    @PostConstruct
    void createQueue() {
        queue = new JobQueue("import", outage);
    }

    @PreDestroy
    void stop() {
        queue.stop();
    }
}
