package be.twe.imports.persistence;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One line's result, read for the report; written by {@link ImportLineRepository}'s statements. */
@Entity
@Immutable
@Table(name = "import_line")
@IdClass(ImportLineEntity.Key.class)
public class ImportLineEntity {
    @Id
    @Column(name = "import_id")
    public UUID importId;
    @Id
    public int line;
    @Enumerated(EnumType.STRING)
    public ImportLineRepository.Status status;
    @Column(name = "http_status")
    public Integer httpStatus;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public UUID resourceId;
    public String path;
    @JdbcTypeCode(SqlTypes.JSON)
    public String problem;

    public record Key(UUID importId, int line) implements Serializable {
    }
}
