package be.twe.common.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Makes a background job run on one instance at a time: the runner holds a session-level
 * PostgreSQL advisory lock on the job for as long as it runs, on a connection of its own. Another
 * instance that wants the same job does not get the lock and leaves it; when the holder dies,
 * its session ends, the lock with it, and the next resume elsewhere takes the job over.
 */
@ApplicationScoped
public class JobLease {
    /** Key space of job locks (two-int advisory locks; KeyLock uses 7265011). */
    private static final int NAMESPACE = 7265012;

    @Inject
    AgroalDataSource dataSource;

    /** Whether the lease is still held: checked by the job between steps. */
    public interface Held {
        boolean stillHeld();
    }

    /**
     * Runs {@code job} holding the lease of {@code kind}/{@code id}; returns false without running
     * it when another instance holds the lease.
     */
    public boolean runExclusively(String kind, UUID id, Predicate<Held> job) {
        try (Connection lease = dataSource.getConnection()) {
            if (!call(lease, "select pg_try_advisory_lock(?, hashtext(?))", kind, id)) {
                return false;
            }
            try {
                job.test(() -> valid(lease));
                return true;
            } finally {
                if (valid(lease)) {
                    call(lease, "select pg_advisory_unlock(?, hashtext(?))", kind, id);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take or give back the lease of " + kind + " " + id, e);
        }
    }

    private static boolean call(Connection c, String sql, String kind, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, NAMESPACE);
            s.setString(2, kind + ":" + id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static boolean valid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
