package be.twe.exports.service;

import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import be.twe.common.persistence.TransactionStatements;
import be.twe.common.tenancy.Caller;
import be.twe.sync.service.ChangeFeedService;
import be.twe.sync.service.FeedEntry;
import be.twe.trajectory.service.TrajectoryReads;

/**
 * An export's entries, each record's last in position order. A large export reads its
 * trajectories, nearly all of its records, in the same statement as its entries (issue 31): the
 * pass hashes every trajectory, client and instrument once, where statements per batch of 500
 * looked each one up. PostgreSQL's processor time per export of 306,371 records fell from
 * 7.3-8.3 s to 5.9-7.1 s; the export's own time did not change measurably, as the pass's first
 * row comes only once every row is sorted. A small export would pay those hashes for a few rows,
 * so below {@code twe.exports.one-pass-from} entries its records are read per batch.
 */
@ApplicationScoped
public class ExportFeed {
    @ConfigProperty(name = "twe.exports.one-pass-from")
    int onePassFrom;
    @Inject
    ChangeFeedService feed;
    @Inject
    TrajectoryReads trajectories;

    /** Gives each entry to {@code each}, in position order; inside the export's transaction, which holds the cursor. */
    public void entries(Caller caller, long since, long upTo, Consumer<ExportEntry> each) {
        if (!feed.atLeast(since, upTo, onePassFrom)) {
            try (Stream<FeedEntry> entries = feed.lastPerRecord(caller, since, upTo)) {
                entries.forEach(entry -> each.accept(ExportEntry.unread(entry)));
            }
            return;
        }
        TransactionStatements.Source last = feed.lastPerRecordSource(caller, since, upTo);
        trajectories.alongside(new TransactionStatements.Source("""
                select f.*, case when f.resource_type = 'trajectory' then f.resource_id::uuid end as trajectory_id
                from (%s) f""".formatted(last.sql()), last.binder()), "position",
                (row, trajectory) -> each.accept(new ExportEntry(FeedEntry.of(row),
                        row.getString("resource_type").equals("trajectory"), trajectory)));
    }
}
