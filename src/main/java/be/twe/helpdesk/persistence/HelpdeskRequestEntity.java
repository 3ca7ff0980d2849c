package be.twe.helpdesk.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



/** A request to VDAB's helpdesk about an OCMW's registrations (issue 29). */
@Entity
@Table(name = "helpdesk_request")
public class HelpdeskRequestEntity {
    @Id
    public UUID id;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Column(name = "trajectory_id")
    public UUID trajectoryId;
    /** REGISTRATION, CORRECTION or QUESTION. */
    @Enumerated(EnumType.STRING)
    public HelpdeskRequestKind kind;
    public String description;
    /** OPEN, FULFILLED, ANSWERED or REFUSED. */
    @Enumerated(EnumType.STRING)
    public HelpdeskRequestStatus status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    public String answer;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Version
    public long version;
}
