package be.twe.common.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.tenancy.SystemWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * The meters of the measure's own work, on {@code /q/metrics} beside HTTP, JVM and pool meters:
 * import lines and webhook attempts by outcome (counted per instance), and the change feed's
 * latest position (read from PostgreSQL at each scrape, the same on every instance). The
 * statistics refresh is timed on its method ({@code twe.statistics.refresh}).
 */
@Startup // the gauge is there from the first scrape, before any import or delivery
@ApplicationScoped
public class DomainMeters {
    @Inject
    SystemWork systemWork;
    @Inject
    MeterRegistry registry;
    @Inject
    DataSource dataSource;

    private static final List<String> WEBHOOK_OUTCOMES = List.of("delivered", "retrying", "failed");

    /**
     * Every meter exists from the start, the counters at zero (issue 32): an alert on a counter
     * that has not counted yet would otherwise read "no data".
     */
    @PostConstruct
    void register() {
        Gauge.builder("twe.feed.position", this::feedPosition)
                .description("Latest position of the change feed (NaN while the database is unreachable)")
                .register(registry);
        importLines(true);
        importLines(false);
        WEBHOOK_OUTCOMES.forEach(this::webhookDeliveries);
        accessLogRefused();
        importBatchesBeside();
    }

    /** Two batches of an import that ran side by side (issue 31): how often an import could. */
    public void importBatchesRanBeside() {
        importBatchesBeside().increment();
    }

    private Counter importBatchesBeside() {
        return Counter.builder("twe.import.batches.beside")
                .description("Pairs of bulk import batches run side by side").register(registry);
    }

    public void importLine(boolean succeeded) {
        importLines(succeeded).increment();
    }

    /** @param outcome delivered, retrying (will be sent again) or failed (retries exhausted) */
    public void webhookAttempt(String outcome) {
        webhookDeliveries(outcome).increment();
    }

    /** An access-log entry the database refused on its own: counted, its content never logged. */
    public void accessLogEntryRefused() {
        accessLogRefused().increment();
    }

    private Counter importLines(boolean succeeded) {
        return Counter.builder("twe.import.lines").description("Bulk import lines run, by outcome")
                .tag("outcome", succeeded ? "succeeded" : "failed").register(registry);
    }

    private Counter webhookDeliveries(String outcome) {
        return Counter.builder("twe.webhook.deliveries").description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter accessLogRefused() {
        return Counter.builder("twe.access.log.refused")
                .description("Access-log entries the database refused and that were dropped").register(registry);
    }

    private double feedPosition() {
        return systemWork.withoutTransaction("feed position gauge", () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select feed_last_position()")) {
                rs.next();
                return (double) rs.getLong(1);
            } catch (SQLException unreachable) {
                return Double.NaN; // the readiness check and the 503s report the outage
            }
        });
    }
}
