package be.twe.webhooks.service;

import java.time.OffsetDateTime;
import java.util.List;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.paging.Cursor;
import be.twe.common.paging.Keyset;
import be.twe.common.paging.Query;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.service.ChangeFeedService;
import be.twe.webhooks.persistence.DeliveryStatus;
import be.twe.webhooks.persistence.WebhookDeliveryEntity;
import be.twe.webhooks.persistence.WebhookRepository;
import be.twe.webhooks.persistence.WebhookSubscriptionEntity;

/** An organisation's webhook subscriptions and their delivery log. */
@ApplicationScoped
@Transactional
public class WebhookService {
    @Inject
    EntityManager em;
    @Inject
    CallerContext callers;
    @Inject
    ChangeFeedService feed;
    @Inject
    WebhookRepository webhooks;
    @ConfigProperty(name = "twe.webhooks.allow-insecure-urls")
    boolean allowInsecure;

    /** Events from now on: the subscription starts at the feed's current position. */
    public WebhookSubscriptionEntity subscribe(String url, List<String> eventTypes) {
        CallbackUrls.check(url, allowInsecure);
        Caller caller = callers.current();
        WebhookSubscriptionEntity s = new WebhookSubscriptionEntity();
        s.ownedBy(caller);
        s.url = url;
        s.eventTypes = String.join(",", eventTypes.stream().distinct().toList());
        s.secret = Signatures.newSecret();
        s.position = feed.lastPosition();
        s.createdAt = Timestamps.now();
        em.persist(s);
        return s;
    }

    public Slice<WebhookSubscriptionEntity> list(int limit, String cursor) {
        Query q = new Query().and("s.organisationId = :self", "self", callers.current().organisationId());
        Keyset.restrict(q, Keyset.after(cursor, OffsetDateTime::parse), "s", "createdAt");
        var query = em.createQuery("from WebhookSubscriptionEntity s where " + q.where()
                + " order by s.createdAt, s.id", WebhookSubscriptionEntity.class);
        q.parameters().forEach(query::setParameter);
        return Slice.of(query.setMaxResults(limit + 1).getResultList(), limit,
                s -> Keyset.cursor(s.createdAt, s.id));
    }

    /** A subscription is its organisation's alone. */
    public WebhookSubscriptionEntity get(UUID id) {
        return em.createQuery("from WebhookSubscriptionEntity s where s.id = :id "
                        + "and s.organisationId = :self", WebhookSubscriptionEntity.class)
                .setParameter("id", id).setParameter("self", callers.current().organisationId())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundProblem("subscription", id.toString()));
    }

    public void unsubscribe(UUID id, IfMatch ifMatch) {
        WebhookSubscriptionEntity s = get(id);
        ifMatch.check(s.version);
        em.remove(s);
    }

    public Slice<WebhookDeliveryEntity> deliveries(UUID subscriptionId, DeliveryStatus status, int limit, String cursor) {
        get(subscriptionId);
        List<String> keys = Cursor.decode(cursor, 1);
        long after = keys.isEmpty() ? 0 : Cursor.number(keys.get(0));
        Query q = new Query().and("d.subscriptionId = :s", "s", subscriptionId)
                .and("d.position > :after", "after", after).and("d.status = :status", "status", status);
        var query = em.createQuery("from WebhookDeliveryEntity d where " + q.where()
                + " order by d.position", WebhookDeliveryEntity.class);
        q.parameters().forEach(query::setParameter);
        return Slice.of(query.setMaxResults(limit + 1).getResultList(), limit,
                d -> Cursor.encode(Long.toString(d.position)));
    }

    public WebhookDeliveryEntity delivery(UUID subscriptionId, UUID deliveryId) {
        get(subscriptionId);
        WebhookDeliveryEntity d = em.find(WebhookDeliveryEntity.class, deliveryId);
        if (d == null || !d.subscriptionId.equals(subscriptionId)) {
            throw new NotFoundProblem("delivery", deliveryId.toString());
        }
        return d;
    }

    /** Sends the event again (the same id), at the dispatcher's next run. */
    public WebhookDeliveryEntity redeliver(UUID subscriptionId, UUID deliveryId) {
        delivery(subscriptionId, deliveryId);
        webhooks.redeliver(deliveryId);
        em.clear();
        return delivery(subscriptionId, deliveryId);
    }

    public List<WebhookRepository.Attempt> attempts(UUID deliveryId) {
        return webhooks.attempts(deliveryId);
    }
}
