package be.twe.imports.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;


import be.twe.common.jobs.UserOwned;

/** A submitted bulk import; its lines are {@link ImportLineEntity}. */
@Entity
@Table(name = "import_job")
public class ImportJobEntity extends UserOwned {
    @Column(name = "line_count")
    public int lineCount;
    @Column(name = "submitted_at", updatable = false)
    public OffsetDateTime submittedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
