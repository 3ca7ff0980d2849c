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
    private static final int WAIT_MILLIS = 5_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CallerCache cache;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "caller-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        thread.interrupt();
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
                    LOG.warn("Not listening for mandate changes (" + e.getClass().getSimpleName()
                            + "); callers are resolved at every request until it listens again");
                    lost = true;
                }
                pause();
            }
        }
        cache.listening(false);
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
