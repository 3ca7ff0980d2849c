package be.twe.webhooks.service;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.jobs.Background;
import be.twe.common.tenancy.SystemWork;
import be.twe.webhooks.persistence.WebhookRepository;
import be.twe.webhooks.persistence.WebhookRepository.Due;
import io.quarkus.scheduler.Scheduled;

/**
 * Every few seconds: queue each subscription's new events, then send the ones that are due. A
 * receiver that fails is tried once per run: its other due events wait for the next run (their
 * lease), so one dead or slow receiver does not hold up everyone else's events.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final int BATCH = 100;
    private static final int LEASE_SECONDS = 60;
    /** Delivery is system work: it sends what was queued for each subscriber as that subscriber. */
    private static final String NAME = "webhook delivery";

    @Inject
    SystemWork systemWork;
    @Inject
    WebhookRepository webhooks;
    @Inject
    WebhookQueue queue;
    @Inject
    WebhookSender sender;

    @Background
    @Scheduled(every = "${twe.webhooks.poll-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void dispatch() {
        systemWork.inTransaction(NAME, webhooks::subscriptionIds).forEach(queue::queue); // as each subscriber
        Set<UUID> failing = new HashSet<>();
        for (var due = takeDue(failing); !due.isEmpty(); due = takeDue(failing)) {
            for (Due delivery : due) {
                UUID id = delivery.id();
                UUID subscription = delivery.subscriptionId();
                if (failing.contains(subscription)) {
                    systemWork.inTransaction(NAME, () -> webhooks.release(id));
                } else if (!systemWork.withoutTransaction(NAME, () -> sender.send(id))) {
                    failing.add(subscription);
                }
            }
        }
    }

    private List<Due> takeDue(Set<UUID> failing) {
        return systemWork.inTransaction(NAME, () -> webhooks.takeDue(BATCH, LEASE_SECONDS, failing));
    }
}
