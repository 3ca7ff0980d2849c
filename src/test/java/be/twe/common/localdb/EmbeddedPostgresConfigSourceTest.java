package be.twe.common.localdb;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

/** Outside dev and test mode the embedded database is neither offered nor started. */
class EmbeddedPostgresConfigSourceTest {

    @Test
    void productionLaunchGetsNoEmbeddedDatabase() {
        assertTrue(LaunchMode.current() == LaunchMode.NORMAL, "a plain unit test runs in launch mode NORMAL");
        EmbeddedPostgresConfigSource source = new EmbeddedPostgresConfigSource();
        assertTrue(source.getPropertyNames().isEmpty());
        assertNull(source.getValue(EmbeddedPostgresConfigSource.URL));
        assertNull(source.getValue(EmbeddedPostgresConfigSource.USERNAME));
    }
}
