package be.twe.sync.service;

import java.time.Instant;

/**
 * One change-feed entry: a record's change at a position. The feed's readers outside this feature
 * (exports, webhooks) get entries from {@link ChangeFeedService}.
 */
public record FeedEntry(long position, String resourceType, String resourceId, String path, long version,
                        String kind, Instant occurredAt, String organisationId) {
}
