package be.twe.sync.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.tenancy.CallerContext;
import be.twe.sync.persistence.ChangeEventQueries;

/** The change feed as the caller may see it, and the position a request's write reached. */
@ApplicationScoped
@Transactional
public class ChangeFeedService {
    @Inject
    ChangeEventQueries queries;
    @Inject
    CallerContext callerContext;
    @Inject
    WrittenTransaction written;

    /** A page of entries and the position to continue after (the given one when nothing is new). */
    public record Page(List<ChangeEventQueries.Entry> entries, long position, boolean full) {
    }

    public Page after(long after, int limit) {
        List<ChangeEventQueries.Entry> entries = queries.after(callerContext.current(), after, limit);
        long position = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new Page(entries, position, entries.size() == limit);
    }

    /**
     * Called after the request's transaction committed; null when it wrote nothing to the feed.
     * A write knows its position already; a replayed response asks for its transaction's.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Long positionOfThisRequest() {
        if (written.position() != null || written.transaction() == null) {
            return written.position();
        }
        return queries.lastPositionOf(written.transaction());
    }
}
