package be.twe.sync.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One change-feed entry: a record's change at a position. The feed's readers outside this feature
 * (exports, webhooks) get entries from {@link ChangeFeedService}.
 */
public record FeedEntry(long position, String resourceType, String resourceId, String path, long version,
                        String kind, Instant occurredAt, String organisationId) {
    /** The entry of a row of {@link ChangeFeedService#lastPerRecordSource}, by its columns' names. */
    public static FeedEntry of(ResultSet row) throws SQLException {
        return new FeedEntry(row.getLong("position"), row.getString("resource_type"), row.getString("resource_id"),
                row.getString("path"), row.getLong("version"), row.getString("kind"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("organisation_id"));
    }
}
