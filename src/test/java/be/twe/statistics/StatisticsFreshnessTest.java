package be.twe.statistics;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.statistics.service.StatisticsRefresh;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Answers come from aggregates (ADR 0014), yet include every write committed before them. */
@QuarkusTest
class StatisticsFreshnessTest {
    @Inject
    TestData data;
    @Inject
    StatisticsRefresh refresh;

    int started(String ocmw) {
        return as(ocmw, "coach").get("/statistics/starts").then().statusCode(200).extract().path("rows[0].trajectories");
    }

    String create(String ocmw, UUID coach) {
        return as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01"))).post("/trajectories")
                .then().statusCode(201).extract()
                .path("id");
    }

    @Test
    void anAnswerIncludesTheWriteJustBeforeIt() {
        String ocmw = data.newOcmw("44021");
        UUID coach = data.accreditedCoach(ocmw);
        assertEquals(0, started(ocmw));
        create(ocmw, coach);
        assertEquals(1, started(ocmw));
        String trajectory = create(ocmw, coach);
        data.execute("delete from trajectory where id = ?1", UUID.fromString(trajectory)); // any write path counts
        assertEquals(1, started(ocmw));
    }

    /** Writes and answers at the same time: once all are done, the aggregates equal the rows. */
    @Test
    void parallelWritesAndAnswersLeaveNoWriteOut() throws Exception {
        String ocmw = data.newOcmw("44021");
        UUID coach = data.accreditedCoach(ocmw);
        List<Integer> statuses = Parallel.statuses(24, i -> i % 2 == 0
                ? as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01"))).post("/trajectories")
                .then().extract().statusCode()
                : as("vdab", "analyst").get("/statistics/starts?groupBy=year").then().extract().statusCode());
        assertEquals(12, Parallel.count(statuses, 201));
        assertEquals(12, Parallel.count(statuses, 200));
        assertEquals(12, started(ocmw));
        assertEquals(0, refresh.refresh(), "nothing left stale after the last answer");
    }

    /**
     * A refresh of every OCMW computes a few per transaction, so that none reaches the statement or
     * transaction timeout (issue 34): the OCMWs of the last transaction are computed too.
     */
    @Test
    void aRefreshOfEveryOcmwComputesTheLastOnesToo() {
        String ocmw = data.newOcmw("44021"); // a test OCMW's id sorts after every real one
        create(ocmw, data.accreditedCoach(ocmw));
        assertEquals(1, started(ocmw));
        data.execute("delete from statistics_starts where ocmw_id = ?1", ocmw);
        long ocmws = data.count("select count(*) from organisation where kind = 'OCMW'");
        data.execute("insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW'");
        assertEquals(ocmws, refresh.refresh());
        assertEquals(1, data.count("select coalesce(sum(trajectories), 0) from statistics_starts where ocmw_id = ?1",
                ocmw));
    }

    /**
     * A refresh takes the marks committed before it started: an answer waits for the writes before
     * it, not for a writer that keeps marking (an import), which would keep a refresh that takes
     * marks until none is left going for as long as it writes.
     */
    @Test
    void aRefreshEndsWhileWritesKeepComing() throws Exception {
        String ocmw = data.newOcmw("44021");
        create(ocmw, data.accreditedCoach(ocmw));
        refresh.refresh();
        // more OCMWs than a refresh takes per transaction, marked again and again
        List<String> marked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            marked.add(data.newOcmw("44021"));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            long until = System.nanoTime() + 30_000_000_000L;
            while (!stop.get() && System.nanoTime() < until) {
                data.execute("insert into statistics_stale (ocmw_id) select unnest(string_to_array(?1, ','))",
                        String.join(",", marked));
            }
        });
        writer.start();
        try {
            Thread.sleep(500);
            refresh.refresh();
            assertTrue(writer.isAlive(), "the refresh waited until the writer stopped");
        } finally {
            stop.set(true);
            writer.join();
        }
        assertEquals(1, started(ocmw));
    }
}
