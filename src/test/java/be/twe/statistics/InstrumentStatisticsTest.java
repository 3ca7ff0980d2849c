package be.twe.statistics;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Instruments per type: how many started and ended, how, and how long the ended ones lasted. */
@QuarkusTest
class InstrumentStatisticsTest {
    @Inject
    TestData data;

    String ocmw;

    @BeforeEach
    void instruments() {
        ocmw = data.newOcmw("44021");
        UUID coach = data.accreditedCoach(ocmw);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        end(Registrations.wes(ocmw, trajectory, coach, "2024-01-01", "2024-03-31"), trajectory, "2024-03-31",
                "COMPLETED"); // 91 days
        end(Registrations.wes(ocmw, trajectory, coach, "2024-04-01", "2024-09-30"), trajectory, "2024-05-31",
                "COMPLETED"); // 61 days
        end(Registrations.wes(ocmw, trajectory, coach, "2024-10-01", "2024-12-31"), trajectory, "2024-10-10",
                "STOPPED_EARLY"); // 10 days
        Registrations.wes(ocmw, trajectory, coach, "2025-01-01", "2025-03-31"); // running
    }

    void end(String instrument, String trajectory, String endDate, String outcome) {
        Map<String, Object> body = outcome.equals("STOPPED_EARLY")
                ? Map.of("endDate", endDate, "outcome", outcome, "stopReason", "Ziek.")
                : Map.of("endDate", endDate, "outcome", outcome);
        as(ocmw, "coach").header("If-Match", "\"0\"").body(body)
                .post("/trajectories/" + trajectory + "/instruments/" + instrument + "/end").then().statusCode(200);
    }

    static double months(String from, String to) {
        return (ChronoUnit.DAYS.between(LocalDate.parse(from), LocalDate.parse(to)) + 1) / 30.4375;
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    @Test
    void startedEndedAndDurationsPerType() {
        Map<String, Object> wes = as(ocmw, "coach").get("/statistics/instruments?groupBy=instrumentType").then()
                .statusCode(200).extract().jsonPath().getMap("rows[0]");
        double q1 = months("2024-01-01", "2024-03-31");
        double q2 = months("2024-04-01", "2024-05-31");
        double stopped = months("2024-10-01", "2024-10-10");
        assertEquals("WES", wes.get("instrumentType"));
        assertEquals(4, wes.get("started"));
        assertEquals(3, wes.get("ended"));
        assertEquals(2, wes.get("completed"));
        assertEquals(1, wes.get("stoppedEarly"));
        assertEquals(0, wes.get("takenOver"));
        // JsonPath reads JSON numbers as floats: compare to a thousandth
        assertEquals(oneDecimal((q1 + q2 + stopped) / 3), ((Number) wes.get("averageMonths")).doubleValue(), 0.001);
        assertEquals(oneDecimal(q2), ((Number) wes.get("medianMonths")).doubleValue(), 0.001);
    }

    @Test
    void perOutcomeWithTheRunningOnesApart() {
        List<Map<String, Object>> rows = as(ocmw, "coach").get("/statistics/instruments?groupBy=outcome").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        assertEquals(List.of("COMPLETED", "RUNNING", "STOPPED_EARLY"), rows.stream().map(r -> r.get("outcome"))
                .toList());
        assertEquals(List.of(2, 1, 1), rows.stream().map(r -> r.get("started")).toList());
        assertEquals(false, rows.get(1).containsKey("averageMonths"), "a running instrument has no duration yet");
    }
}
