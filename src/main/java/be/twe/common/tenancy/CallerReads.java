package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * A read of one statement as the request's caller in one round trip: the caller's settings and
 * the statement go to PostgreSQL in one message sequence with a single Sync, which makes them one
 * implicit transaction; the settings are that transaction's and end with it. For the answers that
 * are read most (issue 30), outside any JTA transaction: nothing is managed or flushed.
 */
@ApplicationScoped
public class CallerReads {
    @Inject
    AgroalDataSource dataSource;
    @Inject
    CallerContext callers;

    public interface Binder {
        /** Binds the statement's parameters, the first of which has index {@code first}. */
        void bind(PreparedStatement statement, int first) throws SQLException;
    }

    public interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    public interface RowReader<T> {
        /** The value of the result's current row. */
        T row(ResultSet rows) throws SQLException;
    }

    /** Every row of the statement, as {@code reader} makes it. */
    public <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        return read(sql, binder, rows -> {
            List<T> all = new ArrayList<>();
            while (rows.next()) {
                all.add(reader.row(rows));
            }
            return all;
        });
    }

    public <T> T read(String sql, Binder binder, Reader<T> reader) {
        String[] settings = CallerSettings.of(callers.current());
        try (Connection c = CallerSettings.takenBare(dataSource);
             PreparedStatement s = c.prepareStatement(CallerSettings.SET + ";\n" + sql)) {
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("A read in one round trip must not run inside a transaction");
            }
            binder.bind(s, CallerSettings.bind(s, settings, true));
            s.execute(); // the first result is the settings'
            if (!s.getMoreResults()) {
                throw new IllegalStateException("The statement returned no rows");
            }
            try (ResultSet rows = s.getResultSet()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("A read as the caller failed", e);
        }
    }
}
