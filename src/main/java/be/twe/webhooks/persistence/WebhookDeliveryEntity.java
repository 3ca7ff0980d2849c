package be.twe.webhooks.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One event for one subscription, read for the delivery log; written by {@link WebhookRepository}. */
@Entity
@Immutable
@Table(name = "webhook_delivery")
public class WebhookDeliveryEntity {
    @Id
    public UUID id;
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    public long position;
    public String type;
    @Column(name = "resource_type")
    public String resourceType;
    @Column(name = "resource_id")
    public String resourceId;
    public String path;
    public long version;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
}
