package be.twe.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool files of a process that died are removed, and only those (no Quarkus: a plain directory). */
class SpoolLeftoversTest {
    @TempDir
    Path tmp;

    @Test
    void onlySpoolFilesOlderThanAnyOperationAreRemoved() throws IOException {
        Instant now = Instant.now();
        Path leftover = spool("twe-body-1.spool", now.minus(SpoolLeftovers.OLDER_THAN).minusSeconds(60));
        Path inUse = spool("twe-body-2.spool", now.minusSeconds(30)); // a second instance's upload
        Path other = spool("someone-else.spool", now.minus(SpoolLeftovers.OLDER_THAN).minusSeconds(60));

        assertEquals(1, SpoolLeftovers.remove(tmp, now.minus(SpoolLeftovers.OLDER_THAN)));
        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(inUse));
        assertTrue(Files.exists(other), "not a spool file of this API");
        assertEquals(0, SpoolLeftovers.remove(tmp, now.minus(SpoolLeftovers.OLDER_THAN)));
    }

    @Test
    void aDirectoryThatCannotBeReadRemovesNothing() {
        assertEquals(0, SpoolLeftovers.remove(tmp.resolve("absent"), Instant.now()));
    }

    private Path spool(String name, Instant written) throws IOException {
        Path file = Files.writeString(tmp.resolve(name), "part of an upload");
        Files.setLastModifiedTime(file, FileTime.from(written));
        return file;
    }
}
