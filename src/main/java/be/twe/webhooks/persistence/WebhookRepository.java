package be.twe.webhooks.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import be.twe.common.jobs.Submitter;

import be.twe.common.persistence.Rows;
import be.twe.sync.service.FeedEntry;

/**
 * The dispatcher's statements, run as system work: the dispatcher has no caller while it picks
 * work; what a subscription may see is decided when its events are queued,
 * as its subscriber.
 */
@ApplicationScoped
public class WebhookRepository {
    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    public List<UUID> subscriptionIds() {
        return em.createNativeQuery("select id from webhook_subscription order by created_at")
                .getResultList();
    }

    /** A subscription as its queueing sees it: whom it acts for, what it wants, where it is in the feed. */
    public record Queueing(String organisationId, String subject, String roles, String eventTypes, Long position) {
        public Submitter submitter() {
            return new Submitter(organisationId, subject, roles);
        }

        public List<String> types() {
            return List.of(eventTypes.split(","));
        }
    }

    /** Locks the subscription for queueing (skipping one another instance is queueing). */
    public Optional<Queueing> lockForQueueing(UUID id) {
        return rows("""
                        select organisation_id, subject, roles, event_types, position from webhook_subscription
                        where id = ?1 for update skip locked""", Queueing.class)
                .setParameter(1, id).uniqueResultOptional();
    }

    public void queue(UUID subscriptionId, String type, FeedEntry e) {
        em.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, position, type, resource_type, resource_id,
                            path, version, organisation_id, occurred_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                        on conflict (subscription_id, position) do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, e.position())
                .setParameter(4, type).setParameter(5, e.resourceType()).setParameter(6, e.resourceId())
                .setParameter(7, e.path()).setParameter(8, e.version()).setParameter(9, e.organisationId())
                .setParameter(10, e.occurredAt()).executeUpdate();
    }

    public void moveTo(UUID subscriptionId, long position) {
        em.createNativeQuery("update webhook_subscription set position = ?2 where id = ?1")
                .setParameter(1, subscriptionId).setParameter(2, position).executeUpdate();
    }

    /** A delivery taken for sending, and its subscription. */
    public record Due(UUID id, UUID subscriptionId) {
    }

    /**
     * Takes up to {@code limit} due deliveries for sending: their next attempt moves a lease ahead,
     * so no other instance sends them meanwhile.
     */
    public List<Due> takeDue(int limit, int leaseSeconds, Set<UUID> skippedSubscriptions) {
        return rows("""
                        update webhook_delivery set next_attempt_at = now() + make_interval(secs => ?2)
                        where id in (select id from webhook_delivery
                                     where status = 'PENDING' and next_attempt_at <= now()
                                       and subscription_id::text <> all(string_to_array(?3, ','))
                                     order by next_attempt_at, position limit ?1 for update skip locked)
                        returning id, subscription_id""", Due.class)
                .setParameter(1, limit).setParameter(2, leaseSeconds)
                .setParameter(3, skippedSubscriptions.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .getResultList();
    }

    /** Gives back a taken delivery that was not tried: it is due again at once. */
    public void release(UUID deliveryId) {
        em.createNativeQuery("update webhook_delivery set next_attempt_at = now() where id = ?1")
                .setParameter(1, deliveryId).executeUpdate();
    }

    /** What sending needs: the delivery, and its subscription's URL and secret. */
    public record ToSend(UUID id, String type, String resourceType, String resourceId, String path, Long version,
                         Long position, String organisationId, Instant occurredAt, String url, String secret,
                         Integer attempts) {
    }

    public Optional<ToSend> toSend(UUID deliveryId) {
        return rows("""
                        select d.id, d.type, d.resource_type, d.resource_id, d.path, d.version::bigint, d.position,
                               d.organisation_id, d.occurred_at, s.url, s.secret, d.attempts::int
                        from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                        where d.id = ?1""", ToSend.class)
                .setParameter(1, deliveryId).uniqueResultOptional();
    }

    /** Logs an attempt and sets what follows: delivered, failed for good, or another attempt at a delay. */
    public void attempted(UUID deliveryId, int number, Integer httpStatus, String error, DeliveryStatus status,
                          Long retryInMillis) {
        em.createNativeQuery("""
                        insert into webhook_attempt (delivery_id, number, http_status, error) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, deliveryId).setParameter(2, number).setParameter(3, httpStatus)
                .setParameter(4, error).executeUpdate();
        em.createNativeQuery("""
                        update webhook_delivery set attempts = ?2, status = ?3,
                            next_attempt_at = now() + make_interval(secs => ?4)
                        where id = ?1""")
                .setParameter(1, deliveryId).setParameter(2, number).setParameter(3, status.name())
                .setParameter(4, retryInMillis == null ? 0.0 : retryInMillis / 1000.0).executeUpdate();
    }

    /** Queues a delivery again, now, with a full retry schedule. */
    public int redeliver(UUID deliveryId) {
        return em.createNativeQuery("""
                        update webhook_delivery set status = 'PENDING', next_attempt_at = now()
                        where id = ?1""")
                .setParameter(1, deliveryId).executeUpdate();
    }

    public record Attempt(Integer number, Instant attemptedAt, Integer httpStatus, String error) {
    }

    /** A delivery's attempts, in order. */
    public List<Attempt> attempts(UUID deliveryId) {
        return rows("""
                        select number::int, attempted_at, http_status::int, error from webhook_attempt
                        where delivery_id = ?1 order by number""", Attempt.class)
                .setParameter(1, deliveryId).getResultList();
    }

    private <R> NativeQuery<R> rows(String sql, Class<R> row) {
        return Rows.as(row, em.createNativeQuery(sql));
    }
}
