package be.twe.common.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import be.twe.api.model.Problem;
import be.twe.common.error.DatabaseOutage;
import be.twe.common.persistence.Timestamps;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.SystemWork;
import io.quarkus.scheduler.Scheduled;

/**
 * Runs every kind of background job ({@link JobKind}) the same way: one queue per kind, jobs run
 * one at a time in submission order on a thread of their own, started when the submission
 * commits and resumed by the scheduler after a restart or an interruption; a job runs on one
 * instance at a time ({@link JobLease}) and as the user who submitted it.
 */
@ApplicationScoped
public class JobWorker {
    private Map<String, JobKind> kinds;
    private Map<String, JobQueue> queues;

    @Inject
    Instance<JobKind> installed;
    @Inject
    SystemWork systemWork;
    @Inject
    DatabaseOutage outage;
    @Inject
    JobRows rows;
    @Inject
    JobLease lease;
    @Inject
    CallerContext callers;

    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobSubmitted submitted) {
        start(kinds.get(submitted.kind()), submitted.id());
    }

    @Background
    @Scheduled(every = "${twe.jobs.resume-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void resumeUnfinished() {
        for (JobKind kind : kinds.values()) {
            systemWork.inTransaction(kind.name() + " resumption", () -> rows.unfinished(kind))
                    .forEach(id -> start(kind, id));
        }
    }

    @Background
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void purgeFinished() {
        for (JobKind kind : kinds.values()) {
            systemWork.inTransaction(kind.name() + " purge",
                    () -> rows.purgeFinishedBefore(kind, Timestamps.now().minus(kind.keptAfterFinish())));
        }
    }

    /**
     * Runs the job unless another instance is running it; returns whether this worker ran it. A
     * job no longer unfinished (done elsewhere meanwhile, or purged) is left alone.
     */
    @ActivateRequestContext
    public boolean run(JobKind kind, UUID id) {
        return lease.runExclusively(kind.name(), id, held -> {
            Optional<Submitter> submitter = systemWork.inTransaction("job start", () -> rows.submitter(kind, id));
            if (submitter.isEmpty()) {
                return true;
            }
            Problem refusal = submitter.get().actAs(callers);
            return refusal == null ? kind.run(id, held)
                    : systemWork.withoutTransaction(kind.name() + " of a refused submitter",
                            () -> kind.refuse(id, refusal, held));
        });
    }

    private void start(JobKind kind, UUID id) {
        queues.get(kind.name()).queue(id, job -> run(kind, job));
    }

    @PostConstruct
    void createQueues() {
        kinds = installed.stream().collect(Collectors.toUnmodifiableMap(JobKind::name, Function.identity()));
        queues = kinds.keySet().stream().collect(Collectors.toUnmodifiableMap(Function.identity(),
                name -> new JobQueue(name, outage)));
    }

    @PreDestroy
    void stop() {
        queues.values().forEach(JobQueue::stop);
    }
}
