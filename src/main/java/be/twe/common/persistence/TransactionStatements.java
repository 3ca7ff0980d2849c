package be.twe.common.persistence;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * One statement on the current transaction's connection, which carries the caller's settings
 * (row-level security decides what it sees and writes). For the write paths whose rules fit in
 * one statement (issue 31): no entity is loaded, managed or flushed. A violated constraint comes
 * back as Hibernate's ConstraintViolationException with the constraint's name, as from a flush.
 */
@ApplicationScoped
public class TransactionStatements {
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    public interface Reader<T> {
        /** The value of the statement's rows, positioned before the first. */
        T read(ResultSet rows) throws SQLException;
    }

    /** A select and its parameters, for a statement that reads from it (a subquery). */
    public record Source(String sql, Binder binder) {
    }

    @Inject
    EntityManager em;

    /**
     * An array parameter of PostgreSQL type {@code type} (for {@code unnest} or {@code = any}),
     * its elements in their text form, which every type here reads back exactly.
     */
    public static Array array(PreparedStatement statement, String type, Collection<?> values) throws SQLException {
        return statement.getConnection().createArrayOf(type,
                values.stream().map(v -> v == null ? null : v.toString()).toArray(String[]::new));
    }

    /** An array parameter of one value of each row, for a statement that writes many rows at once. */
    public static <T> Array array(PreparedStatement statement, String type, List<T> rows, Function<T, ?> value)
            throws SQLException {
        return array(statement, type, rows.stream().map(value).toList());
    }

    /** Runs a statement that returns rows (a select, or a write with {@code returning}). */
    public <T> T query(String sql, Binder binder, Reader<T> reader) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rows = s.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    /**
     * Runs a select whose rows the reader takes {@code fetchSize} at a time from a cursor (the
     * transaction keeps it open), for results too large to hold: an export's millions of rows.
     */
    public <T> T cursor(String sql, int fetchSize, Binder binder, Reader<T> reader) {
        return query(sql, s -> {
            s.setFetchSize(fetchSize);
            binder.bind(s);
        }, reader);
    }

    /** Runs a statement that returns no rows; returns how many rows it changed. */
    public int update(String sql, Binder binder) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                return s.executeUpdate();
            }
        });
    }
}
