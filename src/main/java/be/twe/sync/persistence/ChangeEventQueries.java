package be.twe.sync.persistence;

import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;
import org.hibernate.query.NativeQuery;

import be.twe.common.persistence.Rows;
import be.twe.common.persistence.TransactionStatements;
import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;
import be.twe.sync.service.FeedEntry;

/**
 * Reads the change feed. Native SQL (positions, transaction ids); which entries the caller sees is
 * decided by row-level security (feed_scope in R__tenancy_policies.sql), what its roles allow here.
 * Only final entries are read: those of transactions older than every one still running
 * (feed_final, V31), so no later entry can get a smaller position than one already read.
 */
@ApplicationScoped
public class ChangeEventQueries {
    @Inject
    EntityManager em;
    @Inject
    TransactionStatements statements;

    /** The feed's rule of roles (feed_for_roles), for parameter ?2: whether the caller is an admin. */
    private static final String VISIBLE = " feed_for_roles(resource_type, ?2) ";

    /** Entries whose transaction and every earlier writing transaction have ended (V31). */
    private static final String FINAL = " feed_final(xid) ";

    /**
     * Final entries after {@code after}, in position order. Entries with an addressee
     * (visibility changes) are for that organisation only; financial details only for admins, the
     * only role that may read them.
     */
    public List<FeedEntry> after(Caller caller, long after, int limit) {
        return visibleTo(caller, entries("""
                select position, resource_type, resource_id, path, version, kind, occurred_at, organisation_id
                from change_event
                where position > ?1 and""" + FINAL + "and" + VISIBLE + """
                order by position
                limit ?3""")).setParameter(1, after).setParameter(3, limit).getResultList();
    }

    /**
     * Each record's last entry the caller may see in {@code (after, upTo]}, in position order, streamed
     * from a database cursor (call inside a transaction; an export reads millions).
     */
    public Stream<FeedEntry> lastPerRecord(Caller caller, long after, long upTo) {
        return visibleTo(caller, entries("""
                select position, resource_type, resource_id, path, version, kind, occurred_at, organisation_id
                from feed_last_per_record(?1, ?3, ?2)
                order by position""")).setParameter(1, after).setParameter(3, upTo)
                .setHint(HibernateHints.HINT_FETCH_SIZE, 500).getResultStream();
    }

    /**
     * The rows of {@link #lastPerRecord}, unordered, as a statement for a reader that joins its
     * records to them in one pass (an export), with its parameters.
     */
    public TransactionStatements.Source lastPerRecordSource(Caller caller, long after, long upTo) {
        return new TransactionStatements.Source("select * from feed_last_per_record(?, ?, ?)", s -> {
            s.setLong(1, after);
            s.setLong(2, upTo);
            s.setBoolean(3, caller.roles().contains(Roles.ADMIN));
        });
    }

    /** Whether the caller may see at least {@code n} entries in {@code (after, upTo]}, final or not. */
    public boolean atLeast(long after, long upTo, int n) {
        return statements.query("""
                select count(*) from (select from change_event where position > ? and position <= ? limit ?) e""",
                s -> {
                    s.setLong(1, after);
                    s.setLong(2, upTo);
                    s.setInt(3, n);
                }, rows -> rows.next() && rows.getInt(1) >= n);
    }

    /** The last position a reader can read now: every entry up to it is final. */
    public long lastPosition() {
        return ((Number) em.createNativeQuery("select feed_last_position()").getSingleResult()).longValue();
    }

    /** The last position of an entry committed so far, final or not (an older transaction may still write). */
    public long lastWrittenPosition() {
        return ((Number) em.createNativeQuery("select coalesce(max(position), 0) from change_event").getSingleResult())
                .longValue();
    }

    /** The transaction this session writes in and the last position its entries got so far. */
    public record Written(String transaction, Long position) {
    }

    /** What this session wrote to the feed so far, or null when it wrote nothing. */
    public Written currentTransaction() {
        // plain JDBC: through a Hibernate native query this was a tenth of a create's time (issue 31)
        return statements.query("""
                select x::text, (select max(position) from change_event where xid = x)
                from (select pg_current_xact_id_if_assigned() as x) t""", s -> { }, rows -> {
            rows.next();
            String transaction = rows.getString(1);
            long position = rows.getLong(2);
            return transaction == null ? null : new Written(transaction, rows.wasNull() ? null : position);
        });
    }

    /** After its commit: the last position a transaction's changes got, or null when it changed nothing fed. */
    public Long lastPositionOf(String transaction) {
        Number position = (Number) em.createNativeQuery(
                "select max(position) from change_event where xid = cast(?1 as xid8)")
                .setParameter(1, transaction).getSingleResult();
        return position == null ? null : position.longValue();
    }

    private NativeQuery<FeedEntry> entries(String sql) {
        return Rows.as(FeedEntry.class, em.createNativeQuery(sql));
    }

    private static NativeQuery<FeedEntry> visibleTo(Caller caller, NativeQuery<FeedEntry> query) {
        return query.setParameter(2, caller.roles().contains(Roles.ADMIN));
    }
}
