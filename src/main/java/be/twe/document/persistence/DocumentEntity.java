package be.twe.document.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;



@Entity
@Table(name = "document")
public class DocumentEntity {
    @Id
    public UUID id;
    @Column(name = "trajectory_id")
    public UUID trajectoryId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public DocumentKind kind;
    public String title;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
