package be.twe.statistics;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.statistics.service.StatisticsRefresh;
import be.twe.statistics.service.StatisticsRollups;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * VDAB's answers of the figures with lists come from rollups (ADR 0044), one per grouping asked
 * for, built at its first call and then changed by the parts each refresh replaces. After every
 * kind of write, by single trajectories and by whole OCMWs, a rollup so kept answers exactly as
 * one built again from the aggregates (which StatisticsIncrementalTest holds against a
 * computation from scratch, and StatisticsExactnessTest against the raw rows).
 */
@QuarkusTest
class StatisticsRollupTest {
    static final List<String> CALLS = List.of(
            "/statistics/instruments?groupBy=instrumentType,outcome,year",
            "/statistics/instruments?groupBy=municipality,instrumentType",
            "/statistics/instruments?groupBy=province&municipalities=MERGED_2019",
            "/statistics/instruments",
            "/statistics/instruments?groupBy=year&fromYear=2021&toYear=2022",
            "/statistics/trainings?groupBy=year,organiser,kind",
            "/statistics/trainings?groupBy=year,trainingName",
            "/statistics/trainings?groupBy=municipality",
            "/statistics/follow-ups?groupBy=year,followUpType",
            "/statistics/follow-ups?groupBy=reason",
            // filters that cut through the groups: rollups of their own
            "/statistics/instruments?groupBy=municipality,instrumentType&fromYear=2022",
            "/statistics/trainings?groupBy=kind&province=40000&toYear=2022",
            "/statistics/follow-ups?groupBy=reason&nisCode=44021&fromYear=2021&toYear=2023");

    @Inject
    TestData data;
    @Inject
    StatisticsRefresh refresh;

    @Test
    void aRollupKeptByTheRefreshAnswersAsOneBuiltAgain() {
        data.execute("delete from statistics_rollup"); // those other tests' calls built
        String written = StatisticsIncrementalTest.generated(data);
        String computedWhole = StatisticsIncrementalTest.generated(data);
        Map<String, Object> built = answers();
        List<String> rollups = data.rows("select id::text from statistics_rollup order by id");
        assertEquals(CALLS.size(), rollups.size(), "a rollup per grouping asked for");

        StatisticsIncrementalTest.everyKindOfWrite(data, written);
        data.execute("update instrument set end_date = start_date + 10, outcome = 'STOPPED_EARLY',"
                + " stop_reason = 'Ziek.' where ocmw_id = ?1 and end_date is null", computedWhole);
        data.execute("delete from instrument where id in (select id from instrument where ocmw_id = ?1"
                + " and type = 'TRAINING' order by start_date limit 1)", computedWhole);
        // as after a migration: the whole OCMW is computed again, its parts replaced all at once
        data.execute("insert into statistics_stale (ocmw_id) values (?1)", computedWhole);
        refresh.refresh();
        Map<String, Object> kept = answers();
        assertEquals(rollups, data.rows("select id::text from statistics_rollup order by id"),
                "the same rollups, changed rather than built again");
        CALLS.stream().filter(call -> !call.contains("fromYear")).forEach(call ->
                assertNotEquals(built.get(call), kept.get(call), "the writes changed " + call));

        data.execute("delete from statistics_rollup");
        assertEquals(answers(), kept);
        assertTrue(data.count("select count(*) from statistics_rollup_touched") == 0, "every touched group settled");
    }

    /** A rollup no call read for 30 days is not kept any more; the next call builds it again. */
    @Test
    void aRollupUnusedForThirtyDaysIsDeleted() {
        String ocmw = StatisticsIncrementalTest.generated(data);
        String call = "/statistics/trainings?groupBy=kind";
        Object answer = as("vdab", "analyst").get(call).then().statusCode(200).extract().jsonPath().getList("rows");
        data.execute("update statistics_rollup set used_on = current_date - 30 where grouping = 'kind'");
        data.execute("update instrument set employer = employer where ocmw_id = ?1", ocmw);
        refresh.refresh();
        assertEquals(List.of("1"), data.rows("select count(*) from statistics_rollup where grouping = 'kind'"),
                "read 30 days ago: kept");
        data.execute("update statistics_rollup set used_on = current_date - 31 where grouping = 'kind'");
        data.execute("update instrument set employer = employer where ocmw_id = ?1", ocmw);
        refresh.refresh();
        assertEquals(List.of("0"), data.rows("select count(*) from statistics_rollup where grouping = 'kind'"),
                "read 31 days ago: deleted");
        assertEquals(answer, as("vdab", "analyst").get(call).then().statusCode(200).extract().jsonPath()
                .getList("rows"));
        assertEquals(List.of("1"), data.rows("select count(*) from statistics_rollup where grouping = 'kind'"
                + " and used_on = current_date"), "built again");
    }

    /** Past the most rollups kept, building one more deletes the one read least recently. */
    @Test
    void buildingOneRollupTooManyDeletesTheOneReadLeastRecently() {
        StatisticsIncrementalTest.generated(data);
        data.execute("delete from statistics_rollup");
        for (int year = 2000; year < 2000 + StatisticsRollups.MOST; year++) {
            as("vdab", "analyst").get("/statistics/trainings?groupBy=kind&fromYear=" + year).then().statusCode(200);
        }
        data.execute("update statistics_rollup set used_on = current_date - 1 where scope = '2001;;;'");
        data.execute("update statistics_rollup set used_on = current_date - 2 where scope = '2002;;;'");
        assertEquals(List.of(Integer.toString(StatisticsRollups.MOST)), data.rows("select count(*) from statistics_rollup"));

        as("vdab", "analyst").get("/statistics/trainings?groupBy=kind&toYear=2020").then().statusCode(200);
        assertEquals(List.of(Integer.toString(StatisticsRollups.MOST)), data.rows("select count(*) from statistics_rollup"));
        assertEquals(List.of("2001;;;", ";2020;;"), data.rows("select scope from statistics_rollup"
                + " where scope in ('2001;;;', '2002;;;', ';2020;;') order by scope"), "the one read two days ago went");
    }

    /**
     * Parallel first calls of one grouping, while writes come in, build one rollup (the refresh's
     * lock and the rollup's unique key) and all answer the same.
     */
    @Test
    void parallelFirstCallsBuildOneRollup() throws Exception {
        String ocmw = StatisticsIncrementalTest.generated(data);
        String call = "/statistics/trainings?groupBy=organiser,trainingName&municipalities=MERGED_2025";
        data.execute("delete from statistics_rollup");
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(callers.submit(() -> as("vdab", "analyst").get(call).then().statusCode(200).extract()
                        .jsonPath().getList("rows")));
            }
            data.execute("update instrument set employer = employer where ocmw_id = ?1", ocmw);
            Set<Object> distinct = new HashSet<>();
            for (Future<Object> answer : answers) {
                distinct.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, distinct.size(), "every caller got the same answer");
        } finally {
            callers.shutdownNow();
        }
        assertEquals(List.of("1"), data.rows("select count(*) from statistics_rollup"), "one rollup built");
    }

    /** Each call's rows as VDAB's analyst gets them. */
    Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String call : CALLS) {
            answers.put(call, as("vdab", "analyst").get(call).then().statusCode(200).extract().jsonPath()
                    .getList("rows"));
        }
        return answers;
    }
}
