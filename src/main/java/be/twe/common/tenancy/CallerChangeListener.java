package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;

import be.twe.common.error.DatabaseOutage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens on one connection of its own for the database's notice that mandates or organisations
 * changed (V23) and empties the {@link CallerCache}, on every instance. Without that connection
 * (the database restarts) the cache keeps nothing until it listens again.
 */
@ApplicationScoped
public class CallerChangeListener {
    private static final Logger LOG = Logger.getLogger(CallerChangeListener.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    /** How long a wait for notices lasts, and so how long a stopping instance waits for the listener. */
    private static final int WAIT_MILLIS = 1_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CallerCache cache;
    @Inject
    DatabaseOutage outage;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "caller-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits for the listener to give its connection back: the pool closes after this, and warns of one still out. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        thread.join(2L * WAIT_MILLIS);
    }

    private void listen() {
        boolean lost = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement listen = connection.createStatement()) {
                listen.execute("listen twe_caller_change");
                cache.listening(true);
                if (lost) {
                    LOG.info("Listening for mandate changes again; callers are cached again");
                    lost = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        cache.invalidateAll();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (running && !lost) {
                    lost(e);
                    lost = true;
                }
                pause();
            }
        }
        cache.listening(false);
    }

    /** A database outage is warned of once, by DatabaseOutage; any other reason here. */
    private void lost(Exception e) {
        String what = "Not listening for mandate changes (" + e.getClass().getSimpleName()
                + "); callers are resolved at every request until it listens again";
        if (DatabaseOutage.isUnavailability(e)) {
            outage.failed(e);
            LOG.info(what);
        } else {
            LOG.warn(what);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
