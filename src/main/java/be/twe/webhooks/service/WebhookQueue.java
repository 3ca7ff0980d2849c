package be.twe.webhooks.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.SystemWork;
import be.twe.sync.service.ChangeFeedService;
import be.twe.sync.service.FeedEntry;
import be.twe.webhooks.persistence.WebhookRepository;
import be.twe.webhooks.persistence.WebhookRepository.Queueing;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Copies a subscription's new change-feed entries (as its subscriber sees them) into deliveries,
 * and moves its position, in one transaction: an entry is queued exactly once.
 */
@ApplicationScoped
public class WebhookQueue {
    private static final int PAGE = 500;

    @Inject
    SystemWork systemWork;
    @Inject
    WebhookRepository webhooks;
    @Inject
    ChangeFeedService feed;
    @Inject
    CallerContext callers;

    /** The CloudEvents type of an entry: {@code twe.<resource type>.<kind>}. */
    public static String type(FeedEntry e) {
        return "twe." + e.resourceType() + "." + e.kind().toLowerCase();
    }

    @ActivateRequestContext
    public void queue(UUID subscriptionId) {
        Optional<Queueing> subscription = systemWork.inTransaction("webhook queueing",
                () -> webhooks.lockForQueueing(subscriptionId));
        if (subscription.isEmpty() || subscription.get().submitter().actAs(callers) != null) {
            return; // deleted, another instance is on it, or the subscriber's organisation ended
        }
        boolean more = true;
        while (more) {
            more = QuarkusTransaction.requiringNew().call(() -> queuePage(subscriptionId));
        }
    }

    private boolean queuePage(UUID subscriptionId) {
        Optional<Queueing> locked = webhooks.lockForQueueing(subscriptionId);
        if (locked.isEmpty()) {
            return false; // deleted, or another instance is on it
        }
        List<String> types = locked.get().types();
        List<FeedEntry> entries = feed.after(callers.current(), locked.get().position(), PAGE);
        for (FeedEntry e : entries) {
            if (types.contains("*") || types.contains(type(e))) {
                webhooks.queue(subscriptionId, type(e), e);
            }
        }
        if (!entries.isEmpty()) {
            webhooks.moveTo(subscriptionId, entries.get(entries.size() - 1).position());
        }
        return entries.size() == PAGE;
    }
}
