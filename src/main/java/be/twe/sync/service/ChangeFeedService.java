package be.twe.sync.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.persistence.TransactionStatements;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.sync.persistence.ChangeEventQueries;

/** The change feed as the caller may see it, and the position a request's write reached. */
@ApplicationScoped
@Transactional
public class ChangeFeedService {
    private static final Duration POLL = Duration.ofMillis(50);

    @Inject
    ChangeEventQueries queries;
    @Inject
    CallerContext callerContext;
    @Inject
    WrittenTransaction written;

    /** A page of entries and the position to continue after (the given one when nothing is new). */
    public record Page(List<FeedEntry> entries, long position, boolean full) {
    }

    public Page after(long after, int limit) {
        List<FeedEntry> entries = queries.after(callerContext.current(), after, limit);
        long position = entries.isEmpty() ? after : entries.get(entries.size() - 1).position();
        return new Page(entries, position, entries.size() == limit);
    }

    /** Entries after {@code after} that {@code caller} may see: for work acting for a user (webhooks). */
    public List<FeedEntry> after(Caller caller, long after, int limit) {
        return queries.after(caller, after, limit);
    }

    /**
     * Each record's last entry {@code caller} may see in {@code (after, upTo]}, in position order,
     * streamed from a database cursor: inside the reader's own transaction (an export reads millions).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stream<FeedEntry> lastPerRecord(Caller caller, long after, long upTo) {
        return queries.lastPerRecord(caller, after, upTo);
    }

    /**
     * {@link #lastPerRecord}'s rows, unordered, as a statement that a reader joins its records to
     * (an export's one pass); a row's entry is {@link FeedEntry#of}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public TransactionStatements.Source lastPerRecordSource(Caller caller, long after, long upTo) {
        return queries.lastPerRecordSource(caller, after, upTo);
    }

    /** Whether the caller may see at least {@code n} entries in {@code (after, upTo]}. */
    public boolean atLeast(long after, long upTo, int n) {
        return queries.atLeast(after, upTo, n);
    }

    /** The last position a reader can read now: every entry up to it is final. */
    public long lastPosition() {
        return queries.lastPosition();
    }

    /**
     * The last position committed before now, once it is final: every entry up to it can then be
     * read, the entries of a transaction that began writing earlier and still runs included (they
     * come before it). Waits for that at most {@code patience}, then answers the last final position
     * (issue 33: an export requested right after an import missed the import's last batch while an
     * unrelated older transaction still ran).
     */
    public long settledPosition(Duration patience) {
        long written = queries.lastWrittenPosition();
        long deadline = System.nanoTime() + patience.toNanos();
        long last = queries.lastPosition();
        while (last < written && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(POLL.toNanos());
            last = queries.lastPosition();
        }
        return Math.min(last, written);
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
