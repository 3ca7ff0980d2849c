package be.twe.statistics;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.Spreadsheets;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * disclosure=PUBLIC (issue 21, ADR 0030): figures of a cluster's four OCMWs, three in one province,
 * with counts below and above the threshold. Whatever the suppression chose, a published answer
 * must hold no count from 1 to 4 and no total, in a row or in a coarser answer, that gives back a
 * suppressed cell.
 */
@QuarkusTest
class PublicStatisticsTest {
    static final int THRESHOLD = 5;
    static final List<String> START_COUNTS = List.of("trajectories", "art60", "bvs", "training", "wes", "ibo",
            "trajectoriesWithTraining", "instruments");
    static final List<String> START_PARTS = List.of("art60", "bvs", "training", "wes", "ibo");

    @Inject
    TestData data;

    String cluster;
    Map<String, String> ocmwOf = new LinkedHashMap<>();

    /** Trajectories per municipality and year (and WES instruments in some); see the table in each line. */
    @BeforeEach
    void aClusterOfFourOcmws() {
        cluster = data.newCluster();
        register("44013", 2, 6, 1);  // Destelbergen: 2023 below the threshold, one WES in 2024
        register("44019", 7, 8, 6);  // Evergem
        register("44020", 5, 1, 0);  // Gavere: 2024 below
        register("11001", 3, 9, 0);  // Aartselaar (Antwerpen), alone in its province: 2023 below
    }

    private void register(String nisCode, int in2023, int in2024, int wesIn2024) {
        String ocmw = data.newOcmw(nisCode);
        ocmwOf.put(nisCode, ocmw);
        data.mandate(cluster, ocmw, LocalDate.of(2020, 1, 1), null);
        UUID coach = data.accreditedCoach(ocmw);
        for (int i = 0; i < in2023; i++) {
            Registrations.trajectory(ocmw, ocmw, coach, "2023-03-01");
        }
        for (int i = 0; i < in2024; i++) {
            String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-03-01");
            if (i < wesIn2024) {
                Registrations.wes(ocmw, trajectory, coach, "2024-04-01", "2024-06-30");
            }
        }
    }

    List<Map<String, Object>> rows(String query) {
        return as(cluster, "coach").get("/statistics/starts?disclosure=PUBLIC&" + query).then().statusCode(200)
                .extract().jsonPath().getList("rows");
    }

    @Test
    void smallCountsAreSuppressedAndMarkedWhileExactFiguresStayExact() {
        Map<String, Object> destelbergen2023 = row(rows("groupBy=year,municipality"), 2023, "44013");
        assertNull(destelbergen2023.get("trajectories"));
        assertTrue(destelbergen2023.containsKey("trajectories"), "a suppressed value is there, as null");
        assertTrue(((List<?>) destelbergen2023.get("suppressed")).contains("trajectories"));
        Map<String, Object> exact = as(cluster, "coach").get("/statistics/starts?groupBy=year,municipality").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("rows").stream()
                .filter(r -> r.get("year").equals(2023) && r.get("municipalityNisCode").equals("44013"))
                .findFirst().orElseThrow();
        assertEquals(2, exact.get("trajectories"), "the default stays exact");
        assertFalse(exact.containsKey("suppressed"));
        as(cluster, "coach").get("/statistics/starts?disclosure=PUBLIC").then().statusCode(200)
                .body("disclosure", org.hamcrest.Matchers.equalTo("PUBLIC"))
                .body("threshold", org.hamcrest.Matchers.equalTo(THRESHOLD));
    }

    @Test
    void noCountBelowTheThresholdAndNoTotalGivesOneBack() {
        List<String> groupings = List.of("", "year", "municipality", "province", "year,municipality",
                "year,province", "province,municipality", "year,province,municipality");
        Map<String, List<Map<String, Object>>> answers = new HashMap<>();
        for (String groupBy : groupings) {
            List<Map<String, Object>> rows = rows("groupBy=" + groupBy);
            answers.put(groupBy, rows);
            for (Map<String, Object> row : rows) {
                for (String count : START_COUNTS) {
                    Object value = row.get(count);
                    assertTrue(value == null || (Integer) value == 0 || (Integer) value >= THRESHOLD,
                            groupBy + ": " + row);
                }
                List<String> hiddenInRow = START_PARTS.stream().filter(p -> row.get(p) == null)
                        .collect(Collectors.toCollection(ArrayList::new));
                if (row.get("instruments") == null) {
                    hiddenInRow.add("instruments");
                }
                assertTrue(hiddenInRow.size() != 1, "instruments = art60 + ... + ibo gives it back: " + row);
            }
        }
        // each finer answer against each coarser one whose rows are sums of its rows
        notDerivable(answers.get("year,municipality"), answers.get("year"), List.of("year"));
        notDerivable(answers.get("year,municipality"), answers.get("municipality"), List.of("municipalityNisCode"));
        notDerivable(answers.get("year,province,municipality"), answers.get("year,province"),
                List.of("year", "provinceNisCode"));
        notDerivable(answers.get("province,municipality"), answers.get("province"), List.of("provinceNisCode"));
        notDerivable(answers.get("municipality"), answers.get(""), List.of());
        notDerivable(answers.get("year"), answers.get(""), List.of());
        notDerivable(answers.get("province"), answers.get(""), List.of());
        notDerivable(answers.get("year,province"), answers.get("year"), List.of("year"));
        notDerivable(answers.get("year,province"), answers.get("province"), List.of("provinceNisCode"));
        // Destelbergen 2023 (2) is suppressed; the province's 2023 total is published, so a second cell is
        assertNull(row(answers.get("year,municipality"), 2023, "44013").get("trajectories"));
    }

    @Test
    void aCellIsSuppressedAlikeWhateverTheOrderOrTheFilterOfTheAnswer() {
        List<Map<String, Object>> all = rows("groupBy=year,municipality");
        List<Map<String, Object>> reversed = rows("groupBy=municipality,year");
        List<Map<String, Object>> in2024 = rows("groupBy=year,municipality&fromYear=2024");
        List<Map<String, Object>> gavere = rows("groupBy=year,municipality&nisCode=44020");
        for (Map<String, Object> row : all) {
            String key = row.get("year") + "/" + row.get("municipalityNisCode");
            assertEquals(row, find(reversed, key), key);
            if (row.get("year").equals(2024)) {
                assertEquals(row, find(in2024, key), key);
            }
            if (row.get("municipalityNisCode").equals("44020")) {
                assertEquals(row, find(gavere, key), key);
            }
        }
        assertEquals(all.stream().filter(r -> r.get("year").equals(2024)).count(), in2024.size());
    }

    @Test
    void csvSaysSuppressed() {
        String csv = as(cluster, "coach").accept("text/csv")
                .get("/statistics/starts?disclosure=PUBLIC&groupBy=year,municipality&nisCode=44013").then()
                .statusCode(200).extract().asString();
        String line2023 = csv.lines().filter(l -> l.startsWith("2023,44013")).findFirst().orElseThrow();
        assertTrue(line2023.startsWith("2023,44013,Destelbergen,suppressed,"), csv);
    }

    @Test
    void theSpreadsheetSaysSuppressedAndWhichDisclosureItUsed() throws Exception {
        byte[] xlsx = as(cluster, "coach").accept(StartStatisticsTest.XLSX)
                .get("/statistics/starts?disclosure=PUBLIC&groupBy=year,municipality&nisCode=44013").then()
                .statusCode(200).extract().asByteArray();
        Map<String, List<List<Object>>> sheets = Spreadsheets.read(xlsx);
        List<Object> row2023 = sheets.get("figures").stream().filter(r -> "Destelbergen".equals(r.get(2))
                && new BigDecimal(2023).equals(r.get(0))).findFirst().orElseThrow();
        assertEquals("suppressed", row2023.get(3), row2023.toString());
        assertTrue(sheets.get("about").stream().anyMatch(r -> r.size() == 2 && "disclosure".equals(r.get(0))
                && ((String) r.get(1)).startsWith("PUBLIC: counts from 1 to ")), sheets.get("about").toString());
    }

    @Test
    void filtersThatWouldAddUpSuppressedCellsAreRefused() {
        problem(as(cluster, "coach").get("/statistics/starts?disclosure=PUBLIC&fromYear=2024").then(), 400,
                "invalid-input").body("issues.name", hasItem("fromYear"));
        problem(as("vdab", "coach").get("/statistics/starts?disclosure=PUBLIC&groupBy=municipality&clusterId="
                + cluster).then(), 400, "invalid-input").body("issues.name", hasItem("clusterId"));
        problem(as(cluster, "coach").get("/statistics/starts?disclosure=PUBLIC&groupBy=year&nisCode=44013").then(),
                400, "invalid-input").body("issues.name", hasItem("nisCode"));
        problem(invalid(as(cluster, "coach")).get("/statistics/ends?disclosure=SOMETIMES").then(), 400,
                "invalid-input")
                .body("issues.name", hasItem("disclosure"));
    }

    /** Every statistics operation takes the parameter and suppresses alike. */
    @Test
    void everyFigureHasAPublicAnswer() {
        for (String figure : List.of("starts", "ends", "instruments", "target-years", "trainings", "transfers",
                "follow-ups", "outcomes", "helpdesk", "coaches", "plans")) {
            List<Map<String, Object>> rows = as(cluster, "coach")
                    .get("/statistics/" + figure + "?disclosure=PUBLIC&groupBy=year,municipality").then()
                    .statusCode(200).extract().jsonPath().getList("rows");
            for (Map<String, Object> row : rows) {
                row.forEach((name, value) -> {
                    // the OCMWs of a plans row are organisations, not persons: no count to protect
                    if (value instanceof Integer count && !name.equals("year") && !name.equals("ocmws")) {
                        assertTrue(count == 0 || count >= THRESHOLD, figure + ": " + row);
                    }
                });
            }
        }
    }

    /**
     * Each coarse row with a published value is the sum of the fine rows with its groups: exactly one
     * suppressed fine cell would be that total less the published ones.
     */
    private static void notDerivable(List<Map<String, Object>> fine, List<Map<String, Object>> coarse,
                                     List<String> groups) {
        for (Map<String, Object> total : coarse) {
            List<Map<String, Object>> parts = fine.stream()
                    .filter(r -> groups.stream().allMatch(g -> r.get(g).equals(total.get(g)))).toList();
            for (String count : START_COUNTS) {
                if (total.get(count) == null) {
                    continue;
                }
                long hidden = parts.stream().filter(r -> r.get(count) == null).count();
                if (hidden == 1) {
                    fail(count + " of " + total + " gives back the one suppressed cell of " + parts);
                }
                if (hidden == 0) {
                    assertEquals(((Integer) total.get(count)).longValue(),
                            parts.stream().mapToLong(r -> (Integer) r.get(count)).sum(), "rows add up: " + total);
                }
            }
        }
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, int year, String nisCode) {
        return find(rows, year + "/" + nisCode);
    }

    private static Map<String, Object> find(List<Map<String, Object>> rows, String key) {
        return rows.stream().filter(r -> key.equals(r.get("year") + "/" + r.get("municipalityNisCode")))
                .findFirst().orElseThrow(() -> new AssertionError(key + " not in " + rows));
    }
}
