package be.twe.exports.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.twe.common.jobs.UserOwned;

/** A requested export; its content is in {@code export_line}, in blocks of lines. */
@Entity
@Table(name = "export_job")
public class ExportJobEntity extends UserOwned {
    public long since;
    @Column(name = "up_to")
    public Long upTo;
    public Integer records;
    public Integer deletions;
    @JdbcTypeCode(SqlTypes.JSON)
    public String problem;
    @Column(name = "submitted_at", updatable = false)
    public OffsetDateTime submittedAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
