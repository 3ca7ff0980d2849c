package be.twe.transfer.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;


/** One step of a transfer's hand-over; steps are never changed. */
@Entity
@Immutable
@Table(name = "transfer_step")
public class TransferStepEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "transfer_id")
    public UUID transferId;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public TransferStepKind kind;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_organisation_id")
    public String actorOrganisationId;
    public String note;
    @Column(name = "destination_kind")
    public String destinationKind;
    public String destination;
}
