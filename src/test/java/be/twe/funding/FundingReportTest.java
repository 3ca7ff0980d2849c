package be.twe.funding;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.InstrumentType;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** The funding report of an OCMW for a quarter, against amounts worked out by hand. */
@QuarkusTest
class FundingReportTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;

    @BeforeEach
    void ocmw() {
        ocmw = data.newOcmw("44021");
        coach = data.accreditedCoach(ocmw);
    }

    void art60(String trajectory, String start, String plannedEnd) {
        as(ocmw, "coach").body(json(Requests.instrument(InstrumentType.ART60, start, plannedEnd, coach)
                .employer("OCMW").socialRightsBuiltUp(true)))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201);
    }

    void end(String trajectory, String endDate) {
        String etag = as(ocmw, "coach").get("/trajectories/" + trajectory).then().extract().header("ETag");
        as(ocmw, "coach").header("If-Match", etag)
                .body(json(Requests.end(endDate, TrajectoryEndReason.WORK_NEC, "Advies.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
    }

    Map<String, Object> report(String caller, String quarter) {
        return as(caller, "admin").get("/organisations/" + ocmw + "/funding?quarter=" + quarter).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    static Map<String, Object> month(String end, int guided, int art60, double fee, double now, double later) {
        return Map.of("monthEnd", end, "trajectoriesWithGuidance", guided, "art60Running", art60, "effortFee", fee,
                "art60Compensation", now, "art60CompensationDeferred", later);
    }

    /**
     * Rates: effort fee 250 a month (at most 3,000 a calendar year, 24 months), art. 60 §7
     * compensation 150 now and 45 after the guidance ends.
     * <ul>
     * <li>T1 from 2023-03-15, open: guided on every month-end; its 23rd and 24th month-ends are
     * 2025-01-31 and 2025-02-28 (250 each); 2025-03-31 is its 25th: no fee.</li>
     * <li>T2 from 2025-01-10, art. 60 §7 from 2025-02-01: 250 on each month-end; employment on
     * 2025-02-28 and 2025-03-31: 150 now + 45 later each.</li>
     * <li>T3 from 2024-01-01, ended 2025-02-15, art. 60 §7 2024-02-01 to 2025-01-31: guided on
     * 2025-01-31 only (250), employed on it (150 + 45); it ended in the quarter, so the 45 of its
     * 12 employed month-ends (2024-02-29 ... 2025-01-31) are released: 540.</li>
     * </ul>
     * January: 3 guided, 750 + 150 (45 later); February: 2 guided, 500 + 150 (45); March: 2 guided,
     * 250 + 150 (45). Quarter: 1,500 + 450 + 540 released = 2,490.
     */
    @Test
    void aQuarterAgainstAnExampleWorkedOutByHand() {
        Registrations.trajectory(ocmw, ocmw, coach, "2023-03-15");
        String t2 = Registrations.trajectory(ocmw, ocmw, coach, "2025-01-10");
        art60(t2, "2025-02-01", "2026-01-31");
        String t3 = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        art60(t3, "2024-02-01", "2025-01-31");
        end(t3, "2025-02-15");

        Map<String, Object> report = report(ocmw, "2025-Q1");
        assertEquals(List.of(month("2025-01-31", 3, 1, 750, 150, 45), month("2025-02-28", 2, 1, 500, 150, 45),
                month("2025-03-31", 2, 1, 250, 150, 45)), doubles(report.get("months")));
        assertEquals(Map.of("effortFee", 1500.0, "art60Compensation", 450.0, "art60CompensationDeferred", 135.0,
                "art60CompensationReleased", 540.0, "total", 2490.0), doubles(Map.of(
                "effortFee", report.get("effortFee"), "art60Compensation", report.get("art60Compensation"),
                "art60CompensationDeferred", report.get("art60CompensationDeferred"),
                "art60CompensationReleased", report.get("art60CompensationReleased"), "total", report.get("total"))));
        assertEquals(report, report("vdab", "2025-Q1"), "VDAB sees the same report");
    }

    /**
     * With a rate of 300 from 2024 (the 3,000 cap per calendar year unchanged), a trajectory guided
     * on every month-end of 2024 reaches the cap with its 10th month: October 300, November and
     * December nothing. The rates are restored afterwards.
     */
    @Test
    void ratesComeFromReferenceDataWithValidityAndTheYearlyCapHolds() {
        Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        data.execute("update funding_rate set valid_to = '2023-12-31' where kind = 'EFFORT_FEE'");
        data.execute("insert into funding_rate (kind, valid_from, monthly_amount, cap_per_year, cap_months, source)"
                + " values ('EFFORT_FEE', '2024-01-01', 300, 3000, 24, 'test')");
        try {
            Map<String, Object> report = report(ocmw, "2024-Q4");
            assertEquals(List.of(month("2024-10-31", 1, 0, 300, 0, 0), month("2024-11-30", 1, 0, 0, 0, 0),
                    month("2024-12-31", 1, 0, 0, 0, 0)), doubles(report.get("months")));
            assertEquals(300.0, ((Number) report.get("total")).doubleValue());
        } finally {
            data.execute("delete from funding_rate where kind = 'EFFORT_FEE' and valid_from = '2024-01-01'");
            data.execute("update funding_rate set valid_to = null where kind = 'EFFORT_FEE'");
        }
    }

    @Test
    void aQuarterWithoutRegistrationsGivesNothing() {
        Map<String, Object> report = report(ocmw, "2021-Q3");
        assertEquals(List.of(month("2021-07-31", 0, 0, 0, 0, 0), month("2021-08-31", 0, 0, 0, 0, 0),
                month("2021-09-30", 0, 0, 0, 0, 0)), doubles(report.get("months")));
    }

    @Test
    void aQuarterThatIsNoQuarterIs400NamingIt() {
        assertEquals("quarter", Api.invalid(as(ocmw, "admin")).get("/organisations/" + ocmw + "/funding?quarter=2025-Q5")
                .then().statusCode(400).extract().path("issues[0].name"));
    }

    /** Numbers as doubles (JSON decimals arrive as Float), to compare with the amounts above. */
    @SuppressWarnings("unchecked")
    static <T> T doubles(T value) {
        if (value instanceof List<?> list) {
            return (T) list.stream().map(FundingReportTest::doubles).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> converted = new HashMap<>();
            map.forEach((k, v) -> converted.put((String) k, doubles(v)));
            return (T) converted;
        }
        if (value instanceof Float || value instanceof java.math.BigDecimal) {
            return (T) Double.valueOf(value.toString());
        }
        return value;
    }
}
