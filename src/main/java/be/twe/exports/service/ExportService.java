package be.twe.exports.service;

import java.util.List;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.jobs.JobSubmitted;
import be.twe.common.persistence.Timestamps;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.exports.persistence.ExportJobEntity;
import be.twe.exports.persistence.ExportJobRepository;

/** Takes export requests and hands out their content; {@link ExportRunner} makes them. */
@ApplicationScoped
@Transactional
public class ExportService {
    @Inject
    ExportJobRepository jobs;
    @Inject
    CallerContext callers;
    @Inject
    Event<JobSubmitted> submitted;

    public ExportJobEntity submit(long since) {
        Caller caller = callers.current();
        ExportJobEntity job = new ExportJobEntity();
        job.ownedBy(caller);
        job.since = since;
        job.submittedAt = Timestamps.now();
        jobs.persist(job);
        submitted.fire(new JobSubmitted(ExportRunner.KIND, job.id));
        return job;
    }

    public ExportJobEntity get(UUID id) {
        return jobs.findByIdOptional(id).filter(job -> job.isOwnedBy(callers.current()))
                .orElseThrow(() -> new NotFoundProblem("export", id.toString()));
    }

    /** Checks that the content can be read now: the export is the caller's and finished without a problem. */
    public ExportJobEntity readable(UUID id) {
        ExportJobEntity job = get(id);
        if (job.finishedAt == null || job.problem != null) {
            throw new DomainProblem(ProblemType.EXPORT_NOT_READY,
                    Text.of(job.problem != null ? "export-failed" : "export-running"));
        }
        return job;
    }

    /** A chunk of the content: up to {@code limit} blocks after the block of line {@code after}. */
    public List<ExportJobRepository.Block> content(UUID id, int after, int limit) {
        return jobs.lines(id, after, limit);
    }
}
