package be.twe.imports.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.api.model.ImportJob;
import be.twe.api.model.ImportLineResult;
import be.twe.api.model.ImportLineStatus;
import be.twe.api.model.ImportStatus;
import be.twe.api.model.ResourceType;
import be.twe.common.error.StoredProblems;
import be.twe.imports.persistence.ImportJobEntity;
import be.twe.imports.persistence.ImportLineEntity;
import be.twe.imports.persistence.ImportLineRepository.Status;
import be.twe.imports.service.ImportService;

/** Jobs and report lines as the contract shows them; a line's problem is stored as its JSON. */
@ApplicationScoped
public class ImportMapper {
    @Inject
    StoredProblems problems;

    ImportJob toDto(ImportService.View view, String lines) {
        ImportJobEntity job = view.job();
        ImportStatus status = job.finishedAt != null ? ImportStatus.FINISHED
                : job.startedAt != null ? ImportStatus.RUNNING : ImportStatus.QUEUED;
        return new ImportJob().id(job.id).status(status).lineCount(job.lineCount)
                .pending(view.counts().get(Status.PENDING)).succeeded(view.counts().get(Status.SUCCEEDED))
                .failed(view.counts().get(Status.FAILED)).submittedAt(job.submittedAt).startedAt(job.startedAt)
                .finishedAt(job.finishedAt).lines(lines);
    }

    ImportLineResult toDto(ImportLineEntity line) {
        return new ImportLineResult().line(line.line).status(ImportLineStatus.valueOf(line.status.name()))
                .httpStatus(line.httpStatus)
                .resourceType(line.resourceType == null ? null : ResourceType.fromValue(line.resourceType))
                .resourceId(line.resourceId).path(line.path).problem(problems.read(line.problem));
    }
}
