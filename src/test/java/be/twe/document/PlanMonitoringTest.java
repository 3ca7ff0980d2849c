package be.twe.document;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.DocumentWithdrawal;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Each trajectory below is in exactly one state; the report must put each where it belongs. */
@QuarkusTest
class PlanMonitoringTest {
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Brussels"));
    static final String LONG_AGO = "2024-01-01";

    @Inject
    TestData data;

    String ocmw;
    UUID coach;

    @BeforeEach
    void ocmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    String trajectory(String start) {
        return as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, start))).post("/trajectories").then()
                .statusCode(201).extract().path("id");
    }

    String upload(String trajectory, String kind) {
        return as(ocmw, "coach").contentType(TestFiles.PDF).body(TestFiles.pdf())
                .queryParam("kind", kind).queryParam("title", kind).queryParam("fileName", "plan.pdf")
                .post("/trajectories/" + trajectory + "/documents").then().statusCode(201).extract().path("id");
    }

    JsonPath report(String query) {
        return as(ocmw, "analyst").get("/organisations/" + ocmw + "/plan-monitoring" + query).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void listsExactlyTheMissingAndLatePlans() {
        String notYetDue = trajectory(TODAY.minusDays(10).toString());
        String dueToday = trajectory(TODAY.minusDays(30).toString());
        String missing = trajectory(LONG_AGO);
        String onlyReport = trajectory(LONG_AGO);
        upload(onlyReport, "REPORT");
        String withdrawnPlan = trajectory(LONG_AGO);
        String withdrawn = upload(withdrawnPlan, "POP");
        as(ocmw, "coach").header("If-Match", "\"0\"").body(json(new DocumentWithdrawal().reason("Wrong client.")))
                .post("/trajectories/" + withdrawnPlan + "/documents/" + withdrawn + "/versions/1/withdrawal")
                .then().statusCode(200);
        String onTime = trajectory(TODAY.minusDays(5).toString());
        upload(onTime, "POP");
        String onTheDueDay = trajectory(TODAY.minusDays(30).toString());
        upload(onTheDueDay, "GPMI");
        String late = trajectory(LONG_AGO);
        upload(late, "GPMI");
        upload(late, "POP");
        String ended = trajectory(LONG_AGO);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.WORK_NEC, "Werk gevonden.")))
                .post("/trajectories/" + ended + "/end").then().statusCode(200);

        JsonPath report = report("");
        assertEquals(30, report.getInt("dueDays"));
        assertEquals(TODAY.toString(), report.getString("asOf"));
        assertEquals(9, report.getInt("trajectories"));
        assertEquals(2, report.getInt("notYetDue"), "started 10 and 30 days ago, no plan: " + notYetDue + ", " + dueToday);
        assertEquals(List.of(missing, onlyReport, withdrawnPlan, ended).stream().sorted().toList(),
                report.getList("missing.trajectoryId"));
        assertEquals(List.of(false), report.getList("missing.findAll { it.trajectoryId == '" + ended
                + "' }.open"));
        assertEquals(List.of(late), report.getList("late.trajectoryId"));
        LocalDate due = LocalDate.parse(LONG_AGO).plusDays(30);
        assertEquals(due.toString(), report.getString("late[0].dueDate"));
        assertEquals((int) ChronoUnit.DAYS.between(due, TODAY), report.getInt("late[0].daysLate"));
        assertEquals(Map.of("kind", "GPMI", "documents", 2, "trajectories", 2), report.getMap("planKinds[0]"));
        assertEquals(Map.of("kind", "POP", "documents", 2, "trajectories", 2), report.getMap("planKinds[1]"));
        assertEquals(2, report.getList("planKinds").size(), "reports and withdrawn plans do not count");
    }

    @Test
    void theDueDaysCanBeChosenPerCall() {
        String started20DaysAgo = trajectory(TODAY.minusDays(20).toString());
        assertEquals(List.of(), report("").getList("missing"));
        as(ocmw, "analyst").get("/organisations/" + ocmw + "/plan-monitoring?dueDays=10").then().statusCode(200)
                .body("missing.trajectoryId", contains(started20DaysAgo), "notYetDue", equalTo(0));
        upload(started20DaysAgo, "POP");
        as(ocmw, "analyst").get("/organisations/" + ocmw + "/plan-monitoring?dueDays=10").then()
                .body("missing", empty(), "late.trajectoryId", contains(started20DaysAgo), "late[0].daysLate", equalTo(10));
        invalid(as(ocmw, "analyst")).get("/organisations/" + ocmw + "/plan-monitoring?dueDays=366").then()
                .statusCode(400).body("issues[0].name", equalTo("dueDays"));
    }

    @Test
    void aClusterSeesItsMandatedOcmwAndNoOther() {
        String mandated = trajectory(LONG_AGO);
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, TODAY.minusYears(1), null);
        as(cluster, "analyst").get("/organisations/" + ocmw + "/plan-monitoring").then().statusCode(200)
                .body("missing.trajectoryId", containsInAnyOrder(mandated));
        String otherOcmw = data.newOcmw("11002");
        as(cluster, "analyst").get("/organisations/" + otherOcmw + "/plan-monitoring").then().statusCode(404);
        as("vdab", "analyst").get("/organisations/" + cluster + "/plan-monitoring").then().statusCode(404);
    }
}
