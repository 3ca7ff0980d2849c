package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures are the database being unusable now (503), and which are faults (500) or rules (4xx). */
class DatabaseOutageClassificationTest {
    @Test
    void connectionFailuresTimeoutsAndAnExhaustedPoolAreUnavailability() {
        assertTrue(DatabaseOutage.isUnavailability(new IllegalStateException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseOutage.isUnavailability(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.isUnavailability(new SQLException("canceling statement due to statement timeout",
                "57014")));
        assertTrue(DatabaseOutage.isUnavailability(new SQLException("too many clients already", "53300")));
        assertTrue(DatabaseOutage.isUnavailability(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))),
                "Agroal's pool has no connection left within its acquisition timeout");
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        commit.addSuppressed(new IllegalStateException(new SQLException("An I/O error occurred", "08006")));
        assertTrue(DatabaseOutage.isUnavailability(new RuntimeException(commit)),
                "a commit on a broken connection: the driver's error is only suppressed");
    }

    @Test
    void deadlocksAndSerializationFailuresAreTransientConflictsNotOutages() {
        assertTrue(DatabaseOutage.isTransientConflict(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(DatabaseOutage.isTransientConflict(new SQLException("could not serialize access", "40001")));
        assertFalse(DatabaseOutage.isUnavailability(new SQLException("deadlock detected", "40P01")));
        assertFalse(DatabaseOutage.isTransientConflict(new SQLException("exclusion constraint", "23P01")));
        assertFalse(DatabaseOutage.isTransientConflict(new NullPointerException()));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseOutage.isUnavailability(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.isUnavailability(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isUnavailability(new NullPointerException()));
    }
}
