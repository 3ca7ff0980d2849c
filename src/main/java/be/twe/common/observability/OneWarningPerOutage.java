package be.twe.common.observability;

import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * An outage is logged once, by {@code DatabaseOutage} (docs/failure-behaviour.md). Agroal warns
 * "This connection has been closed" for every pooled connection the outage broke, 6 to 12 lines
 * of no further use, and Narayana warns of each rollback it could not send on such a connection;
 * this filter on the console drops those lines and nothing else of either.
 */
@LoggingFilter(name = "one-warning-per-outage")
public final class OneWarningPerOutage implements Filter {
    static final String CLOSED = "This connection has been closed";

    @Override
    public boolean isLoggable(LogRecord record) {
        // by value: JBoss Log Manager's WARN is a Level of its own
        if (record.getLevel().intValue() != Level.WARNING.intValue() || record.getLoggerName() == null) {
            return true;
        }
        if (record.getLoggerName().startsWith("com.arjuna.ats.jta")) {
            return !closedConnection(record.getThrown()); // a rollback the outage made impossible
        }
        if (!record.getLoggerName().startsWith("io.agroal.pool")) {
            return true;
        }
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage()
                : record.getParameters() == null ? record.getMessage()
                : MessageFormat.format(record.getMessage(), record.getParameters());
        return text == null || !text.contains(CLOSED);
    }

    private static boolean closedConnection(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(CLOSED)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (closedConnection(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
