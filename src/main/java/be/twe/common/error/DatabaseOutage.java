package be.twe.common.error;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether a failure means the database cannot be used right now (unreachable, restarting, out of
 * connections, a statement over its time limit) rather than a fault in the request or the code:
 * such failures answer 503 with {@code Retry-After} and are logged once per outage, not once per
 * request or background attempt.
 */
@ApplicationScoped
public class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** SQLSTATE class 08 (connection) and these: shutting down, cannot connect now, too many connections, query cancelled. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    @ConfigProperty(name = "twe.outage.retry-after", defaultValue = "5s")
    Duration retryAfter;

    private final AtomicBoolean down = new AtomicBoolean();

    /**
     * Searches causes and suppressed exceptions: a commit that fails on a broken connection comes
     * as the transaction manager's RollbackException with the driver's error only suppressed.
     */
    public static boolean isUnavailability(Throwable e) {
        return isUnavailability(e, 0);
    }

    private static boolean isUnavailability(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SQLException sql && (unavailableState(sql.getSQLState())
                || String.valueOf(sql.getMessage()).contains("acquisition timeout"))) {
            return true;
        }
        if (t instanceof AssertionError && fromDriver(t)) {
            return true; // pgjdbc asserts when a batch's connection breaks under it ("getAutoCommit() should not throw")
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (isUnavailability(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && isUnavailability(t.getCause(), depth + 1);
    }

    /** A deadlock (40P01) or serialization failure (40001): the transaction was rolled back, retrying may succeed. */
    public static boolean isTransientConflict(Throwable e) {
        String state = sqlState(e);
        return "40P01".equals(state) || "40001".equals(state);
    }

    /** The SQLSTATE of the first SQL exception among the causes, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean fromDriver(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.postgresql.");
    }

    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** Records the failure; only the first of an outage is logged (without row data: none is in these). */
    public void failed(Throwable e) {
        if (down.compareAndSet(false, true)) {
            LOG.warnf("The database cannot be used (%s); requests answer 503 and background work waits until it can",
                    rootMessage(e));
        }
    }

    /** A database call succeeded: ends the outage, if there was one. */
    public void reachable() {
        if (down.compareAndSet(true, false)) {
            LOG.info("The database can be used again");
        }
    }

    public boolean isDown() {
        return down.get();
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
