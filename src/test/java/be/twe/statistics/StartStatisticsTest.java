package be.twe.statistics;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.InstrumentType;
import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.Spreadsheets;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Starts per province and year, in one call, as JSON and CSV. Zwijndrecht (11056, province
 * Antwerpen until 2024) became part of Beveren-Kruibeke-Zwijndrecht (46030, Oost-Vlaanderen) in
 * 2025: its figures move province when mapped to the 2025 municipalities.
 */
@QuarkusTest
class StartStatisticsTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    @Inject
    TestData data;

    String zwijndrecht;
    String gent;
    String antwerpen;
    String cluster;

    @BeforeEach
    void registrations() {
        zwijndrecht = data.newOcmw("11056");
        gent = data.newOcmw("44021");
        antwerpen = data.newOcmw("11002");
        cluster = data.newCluster();
        data.mandate(cluster, zwijndrecht, LocalDate.of(2020, 1, 1), null);
        data.mandate(cluster, gent, LocalDate.of(2020, 1, 1), null);
        UUID z = data.accreditedCoach(zwijndrecht);
        String first = Registrations.trajectory(zwijndrecht, zwijndrecht, z, "2023-03-01");
        Registrations.trajectory(zwijndrecht, zwijndrecht, z, "2023-05-01");
        String third = Registrations.trajectory(zwijndrecht, zwijndrecht, z, "2024-02-01");
        Registrations.wes(zwijndrecht, first, z, "2023-04-01", "2023-04-30");
        as(zwijndrecht, "coach").body(json(Requests.instrument(InstrumentType.IBO, "2023-06-01", "2023-07-31", z)
                .employer("Garage Peeters")))
                .post("/trajectories/" + first + "/instruments").then().statusCode(201);
        Registrations.wes(zwijndrecht, third, z, "2024-03-01", "2024-03-31");
        UUID g = data.accreditedCoach(gent);
        String ghent = Registrations.trajectory(gent, gent, g, "2024-01-01");
        Registrations.wes(gent, ghent, g, "2024-02-01", "2024-02-29");
        UUID a = data.accreditedCoach(antwerpen);
        Registrations.trajectory(antwerpen, antwerpen, a, "2024-01-01"); // not the cluster's
    }

    static List<Map<String, Object>> rows(String caller, String query) {
        return as(caller, "coach").get("/statistics/starts" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(200).extract().jsonPath()
                .getList("rows");
    }

    static Map<String, Object> row(String province, int year, int trajectories, int wes, int ibo) {
        String name = province.equals("10000") ? "Antwerpen" : "Oost-Vlaanderen";
        return Map.ofEntries(Map.entry("provinceNisCode", province), Map.entry("provinceName", name),
                Map.entry("year", year), Map.entry("trajectories", trajectories), Map.entry("art60", 0),
                Map.entry("bvs", 0), Map.entry("training", 0), Map.entry("wes", wes), Map.entry("ibo", ibo),
                Map.entry("trajectoriesWithTraining", 0), Map.entry("instruments", wes + ibo));
    }

    @Test
    void perProvinceAndYearOverTheClustersOcmwsAtTheEventsMunicipality() {
        assertEquals(List.of(row("10000", 2023, 2, 1, 1), row("10000", 2024, 1, 1, 0), row("40000", 2024, 1, 1, 0)),
                rows(cluster, "groupBy=province,year"));
    }

    @Test
    void mappedToThe2025MunicipalitiesZwijndrechtCountsInOostVlaanderen() {
        assertEquals(List.of(row("40000", 2023, 2, 1, 1), row("40000", 2024, 2, 2, 0)),
                rows(cluster, "groupBy=province,year&municipalities=MERGED_2025"));
        List<Map<String, Object>> municipalities = rows(cluster, "groupBy=municipality&municipalities=MERGED_2025");
        assertEquals(List.of("44021", "46030"), municipalities.stream().map(r -> r.get("municipalityNisCode")).toList());
    }

    @Test
    void theSameTableAsCsv() {
        String csv = as(cluster, "coach").accept("text/csv").get("/statistics/starts?groupBy=province,year").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        assertEquals(List.of("provinceNisCode,provinceName,year,trajectories,art60,bvs,training,wes,ibo,"
                        + "trajectoriesWithTraining,instruments", "10000,Antwerpen,2023,2,0,0,0,1,1,0,2",
                "10000,Antwerpen,2024,1,0,0,0,1,0,0,1", "40000,Oost-Vlaanderen,2024,1,0,0,0,1,0,0,1"),
                csv.lines().toList());
    }

    @Test
    void theSameTableAsASpreadsheetWithWhatItAnswersAndWhatEachColumnMeans() throws Exception {
        byte[] xlsx = as(cluster, "coach").accept(XLSX).get("/statistics/starts?groupBy=province,year").then()
                .statusCode(200).contentType(XLSX)
                .header("Content-Disposition", equalTo("attachment; filename=\"statistics_starts.xlsx\""))
                .extract().asByteArray();
        Map<String, List<List<Object>>> sheets = Spreadsheets.read(xlsx);
        assertEquals(List.of("figures", "about"), List.copyOf(sheets.keySet()));
        assertEquals(List.of("provinceNisCode,provinceName,year,trajectories,art60,bvs,training,wes,ibo,"
                        + "trajectoriesWithTraining,instruments", "10000,Antwerpen,2023,2,0,0,0,1,1,0,2",
                "10000,Antwerpen,2024,1,0,0,0,1,0,0,1", "40000,Oost-Vlaanderen,2024,1,0,0,0,1,0,0,1"),
                sheets.get("figures").stream().map(StartStatisticsTest::line).toList());
        assertTrue(sheets.get("figures").get(1).get(3) instanceof BigDecimal, "counts are numbers, not text");

        Map<String, List<String>> about = new LinkedHashMap<>();
        sheets.get("about").stream().filter(r -> r.size() == 2)
                .forEach(r -> about.computeIfAbsent((String) r.get(0), k -> new ArrayList<>()).add((String) r.get(1)));
        assertEquals(List.of("Trajectories and instruments started"), about.get("figure"));
        assertEquals(List.of("GET /api/v1/statistics/starts?groupBy=province,year"), about.get("call"));
        assertEquals(3, about.get("Parliament's question").size(), about.toString());
        assertTrue(about.get("Parliament's question").get(0).startsWith("Trajectories started per province and year"));
        assertEquals(List.of("EXACT: every count as recorded"), about.get("disclosure"));
        assertEquals(List.of("AT_EVENT"), about.get("municipalities"));
        assertEquals(List.of("meaning"), about.get("column"));
        for (String column : ((String) line(sheets.get("figures").get(0))).split(",")) {
            assertTrue(about.containsKey(column) && !about.get(column).get(0).isBlank(), column + " has a meaning");
        }
        assertEquals(List.of("Art. 60 §7 employments started."), about.get("art60"));
    }

    @Test
    void theTypedFileOperationsAnswerWhatAcceptGivesForTheSameCaller() throws Exception {
        for (String caller : List.of(cluster, zwijndrecht)) {
            String negotiated = as(caller, "coach").accept("text/csv").get("/statistics/starts?groupBy=province,year")
                    .then().statusCode(200).extract().asString();
            assertEquals(negotiated, as(caller, "coach").accept("text/csv")
                    .get("/statistics/starts.csv?groupBy=province,year").then().statusCode(200)
                    .contentType("text/csv").extract().asString(), "each caller counts what it may see");
        }
        Map<String, List<List<Object>>> sheets = Spreadsheets.read(as(cluster, "coach").accept(XLSX)
                .get("/statistics/starts.xlsx?groupBy=province,year").then().statusCode(200).contentType(XLSX)
                .extract().asByteArray());
        assertEquals(4, sheets.get("figures").size());
        assertTrue(sheets.get("about").stream().anyMatch(r -> r.size() == 2 && "figure".equals(r.get(0))
                && "Trajectories and instruments started".equals(r.get(1))), sheets.get("about").toString());
        problem(invalid(as(cluster, "coach")).accept("text/csv").get("/statistics/starts.csv?groupBy=endReason").then(),
                400, "invalid-input").body("issues[0].name", equalTo("groupBy"));
        problem(invalid(as(cluster, "coach")).accept("text/csv").get("/statistics/colours.csv").then(), 400,
                "invalid-input").body("issues[0].name", equalTo("figure"));
    }

    /** A spreadsheet row as a CSV line: whole numbers without decimals. */
    private static String line(List<Object> row) {
        return row.stream().map(c -> c instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : String.valueOf(c))
                .collect(Collectors.joining(","));
    }

    @Test
    void eachCallerCountsWhatItMaySee() {
        assertEquals(List.of(row("10000", 2023, 2, 1, 1), row("10000", 2024, 1, 1, 0)),
                rows(zwijndrecht, "groupBy=province,year"), "an OCMW its own");
        assertEquals(List.of(Map.of("trajectories", 0, "art60", 0, "bvs", 0, "training", 0, "wes", 0, "ibo", 0,
                        "trajectoriesWithTraining", 0, "instruments", 0)),
                rows(data.newCluster(), ""), "a cluster without mandates nothing");
        assertEquals(rows(cluster, "groupBy=province,year"), rows("vdab", "groupBy=province,year&clusterId=" + cluster),
                "VDAB sees everything, here filtered on the cluster's mandates");
        // VDAB's yearly totals against counts made straight in the database
        for (Map<String, Object> year : rows("vdab", "groupBy=year")) {
            assertEquals(data.count("select count(*) from trajectory where extract(year from start_date) = ?1",
                    year.get("year")), ((Number) year.get("trajectories")).longValue(), year.toString());
            assertEquals(data.count("select count(*) from instrument where type = 'WES' "
                    + "and extract(year from start_date) = ?1", year.get("year")),
                    ((Number) year.get("wes")).longValue(), year.toString());
        }
    }

    @Test
    void filteredOnYearsProvinceAndMunicipality() {
        assertEquals(List.of(row("10000", 2024, 1, 1, 0), row("40000", 2024, 1, 1, 0)),
                rows(cluster, "groupBy=province,year&fromYear=2024&toYear=2024"));
        assertEquals(List.of(row("10000", 2023, 2, 1, 1)), rows(cluster, "groupBy=province,year&toYear=2023"));
        assertEquals(List.of(row("40000", 2024, 1, 1, 0)), rows(cluster, "groupBy=province,year&province=40000"));
        assertEquals(List.of(row("40000", 2023, 2, 1, 1), row("40000", 2024, 1, 1, 0)),
                rows(cluster, "groupBy=province,year&nisCode=46030&municipalities=MERGED_2025"));
    }

    @Test
    void anUnknownDimensionIs400NamingIt() {
        Api.invalid(as(cluster, "coach")).get("/statistics/starts?groupBy=year,colour").then().statusCode(400)
                .body("issues[0].name", equalTo("groupBy")).body("issues[0].value", equalTo("colour"));
    }
}
