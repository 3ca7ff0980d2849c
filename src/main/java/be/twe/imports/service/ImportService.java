package be.twe.imports.service;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.jobs.JobSubmitted;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.ContentDigest;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.imports.persistence.ImportJobEntity;
import be.twe.imports.persistence.ImportJobRepository;
import be.twe.imports.persistence.ImportLineEntity;
import be.twe.imports.persistence.ImportLineRepository;
import be.twe.imports.persistence.ImportLineRepository.Status;
import io.quarkus.runtime.configuration.MemorySize;

/** Takes bulk imports in and reports on them; {@link ImportRunner} runs them. */
@ApplicationScoped
@Transactional
public class ImportService {
    static final int MAX_LINE_BYTES = 64 * 1024;

    @Inject
    ImportJobRepository jobs;
    @Inject
    ImportLineRepository lines;
    @Inject
    CallerContext callers;
    @Inject
    Event<JobSubmitted> submitted;
    @ConfigProperty(name = "twe.imports.max-lines")
    int maxLines;
    @ConfigProperty(name = "twe.imports.max-size")
    MemorySize maxSize;

    /** A job with its line counts per status. */
    public record View(ImportJobEntity job, Map<Status, Integer> counts) {
    }

    /**
     * Stores the job and every line in one transaction, so an import is either fully accepted or
     * not at all; the lines run once it has committed.
     */
    public View submit(InputStream body, String contentDigest) {
        Optional<byte[]> declared = ContentDigest.expectedSha256(contentDigest);
        Caller caller = callers.current();
        ImportJobEntity job = new ImportJobEntity();
        job.ownedBy(caller);
        job.submittedAt = Timestamps.now();
        jobs.persist(job);
        jobs.flush(); // the lines' foreign key needs the job row
        ImportLineRepository.Writer writer = lines.writer(job.id);
        NdjsonLines.Read read = NdjsonLines.read(body, new NdjsonLines.Limits(maxLines, MAX_LINE_BYTES,
                maxSize.asLongValue()), writer::add);
        ContentDigest.check(declared, read.sha256());
        job.lineCount = read.lines();
        writer.flush();
        submitted.fire(new JobSubmitted(ImportRunner.KIND, job.id));
        return new View(job, Map.of(Status.PENDING, job.lineCount, Status.SUCCEEDED, 0, Status.FAILED, 0));
    }

    public View get(UUID id) {
        ImportJobEntity job = owned(id);
        return new View(job, lines.counts(job.id));
    }

    /** A page of the report in line order, optionally only the lines with one status. */
    public Slice<ImportLineEntity> lines(UUID id, Status status, int limit, String cursor) {
        ImportJobEntity job = owned(id);
        int after = (int) Cursor.decode(cursor, 1).stream().mapToLong(Cursor::number).findFirst().orElse(0);
        return Slice.of(lines.page(job.id, status, after, limit + 1), limit, l -> Cursor.encode(String.valueOf(l.line)));
    }

    private ImportJobEntity owned(UUID id) {
        return jobs.ofOrganisation(id, callers.current().organisationId())
                .orElseThrow(() -> new NotFoundProblem("import", id.toString()));
    }
}
