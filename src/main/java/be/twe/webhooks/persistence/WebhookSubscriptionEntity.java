package be.twe.webhooks.persistence;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;


import be.twe.common.jobs.UserOwned;

/** An organisation's callback URL for some event types. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscriptionEntity extends UserOwned {
    public String url;
    @Column(name = "event_types")
    public String eventTypes;
    public String secret;
    public long position;
    @Version
    public long version;
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    public List<String> eventTypeList() {
        return List.of(eventTypes.split(","));
    }
}
