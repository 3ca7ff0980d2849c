package be.twe.common.observability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

/** The console drops Agroal's warning per broken connection, and nothing else. */
class OneWarningPerOutageTest {
    private final OneWarningPerOutage filter = new OneWarningPerOutage();

    private static LogRecord record(Level level, String logger, String message) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        return record;
    }

    @Test
    void dropsOnlyAgroalsClosedConnectionWarning() {
        LogRecord formatted = record(org.jboss.logmanager.Level.WARN, "io.agroal.pool", "{0}: {1}");
        formatted.setParameters(new Object[] {"Datasource '<default>'", "This connection has been closed."});
        assertFalse(filter.isLoggable(formatted), "Agroal's own record: a WARN of JBoss Log Manager, with parameters");
        assertFalse(filter.isLoggable(record(Level.WARNING, "io.agroal.pool",
                "Datasource '<default>': This connection has been closed.")));
        assertTrue(filter.isLoggable(record(Level.WARNING, "io.agroal.pool",
                "Datasource '<default>': JDBC resources leaked: 1 ResultSet(s) and 0 Statement(s)")));
        assertTrue(filter.isLoggable(record(Level.SEVERE, "io.agroal.pool",
                "Datasource '<default>': This connection has been closed.")));
        LogRecord rollback = record(Level.WARNING, "com.arjuna.ats.jta", "ARJUNA016045: attempted rollback failed");
        Exception failed = new IllegalStateException("rollback");
        failed.addSuppressed(new javax.transaction.xa.XAException("Error trying to transactionRollback local transaction: "
                + "This connection has been closed."));
        rollback.setThrown(failed);
        assertFalse(filter.isLoggable(rollback), "Narayana's rollback the outage made impossible");
        LogRecord otherRollback = record(Level.WARNING, "com.arjuna.ats.jta", "ARJUNA016045: attempted rollback failed");
        otherRollback.setThrown(new IllegalStateException("disk full"));
        assertTrue(filter.isLoggable(otherRollback));
        assertTrue(filter.isLoggable(record(Level.WARNING, "be.twe.common.error.DatabaseOutage",
                "This connection has been closed")));
    }
}
