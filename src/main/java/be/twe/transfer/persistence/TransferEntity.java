package be.twe.transfer.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



@Entity
@Table(name = "transfer")
public class TransferEntity {
    @Id
    public UUID id;
    @Column(name = "trajectory_id")
    public UUID trajectoryId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public TransferReason reason;
    @Column(name = "reason_text")
    public String reasonText;
    @Enumerated(EnumType.STRING)
    public TransferChannel channel;
    @Column(name = "transfer_date")
    public LocalDate transferDate;
    @Enumerated(EnumType.STRING)
    public TransferStatus status;
    @Column(name = "status_since")
    public OffsetDateTime statusSince;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "on_behalf")
    public boolean onBehalf;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
