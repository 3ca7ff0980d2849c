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



/** Something a transferred client took part in within 12 months after the end, as VDAB recorded it. */
@Entity
@Table(name = "follow_up_action")
public class FollowUpActionEntity {
    @Id
    public UUID id;
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public FollowUpType type;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String description;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
