package be.twe.statistics;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Trajectories ended per year and end reason, for a cluster's OCMWs, as JSON and CSV. */
@QuarkusTest
class EndStatisticsTest {
    @Inject
    TestData data;

    String cluster;

    @BeforeEach
    void endings() {
        String gent = data.newOcmw("44021");
        cluster = data.newCluster();
        data.mandate(cluster, gent, LocalDate.of(2020, 1, 1), null);
        UUID coach = data.accreditedCoach(gent);
        end(gent, Registrations.trajectory(gent, gent, coach, "2023-01-01"), "2023-06-30", "WORK_NEC");
        end(gent, Registrations.trajectory(gent, gent, coach, "2023-02-01"), "2023-09-30", "WORK_NEC");
        end(gent, Registrations.trajectory(gent, gent, coach, "2023-03-01"), "2024-01-31", "STOPPED_EARLY");
        Registrations.trajectory(gent, gent, coach, "2023-04-01"); // still open: not counted
    }

    static void end(String ocmw, String trajectory, String endDate, String reason) {
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end(endDate, TrajectoryEndReason.fromValue(reason), "Advies.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
    }

    @Test
    void perYearAndEndReason() {
        List<Map<String, Object>> rows = as(cluster, "coach").get("/statistics/ends?groupBy=year,endReason").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        assertEquals(List.of(Map.of("year", 2023, "endReason", "WORK_NEC", "trajectories", 2),
                Map.of("year", 2024, "endReason", "STOPPED_EARLY", "trajectories", 1)), rows);
        String csv = as(cluster, "coach").accept("text/csv").get("/statistics/ends?groupBy=endReason").then()
                .statusCode(200).extract().asString();
        assertEquals(List.of("endReason,trajectories", "STOPPED_EARLY,1", "WORK_NEC,2"), csv.lines().toList());
    }

    /** Grouped by place and an own dimension: the rows are summed per OCMW, year and end reason before they are placed. */
    @Test
    void perMunicipalityAndEndReason() {
        List<Map<String, Object>> rows = as(cluster, "coach")
                .get("/statistics/ends?groupBy=municipality,endReason&province=40000").then().statusCode(200).extract()
                .jsonPath().getList("rows");
        assertEquals(List.of(
                Map.of("municipalityNisCode", "44021", "municipalityName", "Gent", "endReason", "STOPPED_EARLY",
                        "trajectories", 1),
                Map.of("municipalityNisCode", "44021", "municipalityName", "Gent", "endReason", "WORK_NEC",
                        "trajectories", 2)), rows);
    }
}
