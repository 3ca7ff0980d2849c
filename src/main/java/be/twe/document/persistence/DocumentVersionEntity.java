package be.twe.document.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



/** One immutable upload; only the withdrawal columns ever change. */
@Entity
@Table(name = "document_version")
public class DocumentVersionEntity {
    @Id
    public UUID id;
    @Column(name = "document_id")
    public UUID documentId;
    @Column(name = "trajectory_id")
    public UUID trajectoryId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    public int number;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long size;
    public String sha256;
    @Column(name = "storage_key")
    public String storageKey;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "on_behalf")
    public boolean onBehalf;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawal_reason")
    public String withdrawalReason;
    @Version
    public long version;
    /** When retention erased its content (ADR 0031); written by the retention job only. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    public OffsetDateTime erasedAt;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
