package be.twe.common.rest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes the spool files ({@link BodySpooler}) of a process that died during an upload: its
 * {@code finally} never ran, and in Kubernetes the {@code emptyDir} on {@code /tmp} outlives a
 * restarted container. At start and every hour, only files older than any operation can run
 * (a body arrives within {@code twe.http.body-timeout}, 120 s): a second instance sharing the
 * directory keeps the files it is using.
 */
@ApplicationScoped
public class SpoolLeftovers {
    private static final Logger LOG = Logger.getLogger(SpoolLeftovers.class);
    static final Duration OLDER_THAN = Duration.ofHours(1);

    void atStart(@Observes StartupEvent event) {
        removeAll();
    }

    @Scheduled(every = "1h", delayed = "1h")
    void hourly() {
        removeAll();
    }

    private void removeAll() {
        int removed = remove(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(OLDER_THAN));
        if (removed > 0) {
            LOG.infof("Removed %d spool files left by a process that ended during an upload", removed);
        }
    }

    /** Removes the spool files in {@code directory} last written before {@code before}; returns how many. */
    static int remove(Path directory, Instant before) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "twe-body-*.spool")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(before) && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (IOException e) {
                    LOG.debugf("A spool file could not be removed: %s", e.getClass().getSimpleName());
                }
            }
        } catch (IOException e) {
            LOG.warnf("The temporary directory could not be read for spool files: %s", e.getClass().getSimpleName());
        }
        return removed;
    }
}
