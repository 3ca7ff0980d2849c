package be.twe.common.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One entry the database refuses (a NUL cannot be stored in PostgreSQL text) never holds back
 * the others of its batch, nor the batches after it (issue 30: before, the whole batch failed
 * every second and was dropped at shutdown).
 */
@QuarkusTest
class AccessLogWriterTest {
    @Inject
    AccessLog log;
    @Inject
    AccessLogWriter writer;
    @Inject
    TestData data;

    static AccessLog.Entry entry(UUID trajectory, String resourceId) {
        return new AccessLog.Entry(OffsetDateTime.now(), "test-user", "ocmw-44021", List.of("coach"), "getTrajectory",
                "ocmw-44021", "trajectory", List.of(trajectory), List.of(resourceId));
    }

    @Test
    void anEntryTheDatabaseRefusesIsDroppedAndTheOthersAreWritten() {
        UUID trajectory = UUID.randomUUID();
        log.putBack(List.of(entry(trajectory, "first"), entry(trajectory, "nul\u0000byte"), entry(trajectory, "last")));
        writer.flush();
        log.putBack(List.of(entry(trajectory, "next batch")));
        writer.flush();

        assertEquals(List.of("first", "last", "next batch"), data.rows(
                "select resource_ids[1], 1 from access_log where trajectory_ids = array[?1] order by id", trajectory).stream()
                .map(row -> row.split("\\|")[0]).toList());
        assertEquals(0, log.queued.stream().filter(e -> e.trajectoryIds().contains(trajectory)).count(),
                "nothing of it waits to be written again");
    }

    @Test
    void readsThatOutpaceTheWriterWriteTheirOwnEntriesInsteadOfFillingTheHeap() {
        UUID queuedOnes = UUID.randomUUID();
        UUID lateOnes = UUID.randomUUID();
        // a full queue, put there as the writer's own write leaves it (queueing would wake the writer)
        log.putBack(IntStream.range(0, AccessLog.BACKLOG + 5000).mapToObj(i -> entry(queuedOnes, "q" + i)).toList());
        log.queue(IntStream.range(0, 10).mapToObj(i -> entry(lateOnes, "l" + i)).toList());
        assertEquals(10, data.count("select count(*) from access_log where trajectory_ids = array[?1]", lateOnes),
                "written before the reader went on");
        assertEquals(0, log.queued.stream().filter(e -> e.trajectoryIds().contains(lateOnes)).count(), "not queued");
        writer.flush();
        assertEquals(AccessLog.BACKLOG + 5000, data.count("select count(*) from access_log where trajectory_ids = array[?1]",
                queuedOnes), "and the queue is written as always");
    }

    @Test
    void aQueueFilledHalfWayIsWrittenAtOnceOnTheWritersOwnThread() {
        UUID trajectory = UUID.randomUUID();
        writer.flush();
        CompletableFuture<Integer> before = writer.flushingSoon();
        log.queue(IntStream.range(0, AccessLog.BACKLOG / 2 - 1).mapToObj(i -> entry(trajectory, "h" + i)).toList());
        assertSame(before, writer.flushingSoon(), "below half way the writer waits for its second");
        log.queue(List.of(entry(trajectory, "half")));
        CompletableFuture<Integer> woken = writer.flushingSoon();
        assertNotSame(before, woken, "half way it is woken");
        woken.join();
        assertEquals(AccessLog.BACKLOG / 2, data.count("select count(*) from access_log where trajectory_ids = array[?1]",
                trajectory), "written by the time its write ends (or the second's, which it waited for)");
    }
}
