package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class ChangeFeedTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    long start;

    @BeforeEach
    void freshOcmw() {
        start = data.feedPosition();
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    ExtractableResponse<Response> createTrajectory(String startDate) {
        return as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, startDate))).post("/trajectories").then()
                .statusCode(201).extract();
    }

    static long position(ExtractableResponse<Response> response) {
        return Long.parseLong(response.header("Feed-Position"));
    }

    @Test
    void everyWriteIsAnEntryAndTellsItsPosition() {
        ExtractableResponse<Response> created = createTrajectory("2024-01-01");
        String id = created.path("id");
        ExtractableResponse<Response> updated = as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", coach.toString(), "externalReference", "K-17"),
                        Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + id).then().statusCode(200).extract();
        ExtractableResponse<Response> ended = as(ocmw, "coach").header("If-Match", "\"1\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.WORK_NEC, "Werk.")))
                .post("/trajectories/" + id + "/end").then().statusCode(200).extract();
        assertTrue(position(created) < position(updated) && position(updated) < position(ended));

        JsonPath page = as(ocmw, "coach").get("/changes?after=" + start).then().statusCode(200)
                .body("items.findAll { it.resourceType == 'trajectory' }.kind", contains("CREATED", "UPDATED", "ENDED"))
                .body("items.findAll { it.resourceType == 'trajectory' }.version", contains(0, 1, 2))
                .body("items.findAll { it.resourceType == 'trajectory' }.path", hasItem("/trajectories/" + id))
                .body("items.resourceType", hasItem("coach"))
                .body("next", equalTo(null)).extract().jsonPath();
        // positions are large numbers (V31): compared as longs, whatever size JSON parsing gave them
        assertEquals(List.of(position(created), position(updated), position(ended)),
                longs(page.getList("items.findAll { it.resourceType == 'trajectory' }.position")));
        assertEquals(position(ended), page.getLong("position"));
        // reading after the last position: nothing new, the same position to poll again with
        JsonPath again = as(ocmw, "coach").get("/changes?after=" + position(ended)).then().body("items", empty())
                .extract().jsonPath();
        assertEquals(position(ended), again.getLong("position"));
    }

    private static List<Long> longs(List<Object> numbers) {
        return numbers.stream().map(n -> ((Number) n).longValue()).toList();
    }

    @Test
    void readsShowNoPositionAndRefusalsWriteNothing() {
        String id = createTrajectory("2024-01-01").path("id");
        as(ocmw, "coach").get("/trajectories/" + id).then().statusCode(200).header("Feed-Position", equalTo(null));
        long before = data.count("select count(*) from change_event");
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2023-06-30", TrajectoryEndReason.WORK_NEC, "Werk.")))
                .post("/trajectories/" + id + "/end").then().statusCode(422).header("Feed-Position", equalTo(null));
        assertEquals(before, data.count("select count(*) from change_event"));
    }

    @Test
    void eachCallerReadsWhatItMaySee() {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        String id = createTrajectory("2024-01-01").path("id");
        String feed = "/changes?limit=500&after=" + start;
        as(cluster, "coach").get(feed).then().body("items.resourceId", hasItem(id))
                .body("items.resourceId", not(hasItem(coach.toString())));
        as(ocmw, "coach").get(feed).then().body("items.resourceId", hasItem(coach.toString()));
        as(data.newOcmw(), "coach").get(feed).then().body("items.resourceId", not(hasItem(id)));
        as("vdab", "analyst").get(feed).then().body("items.resourceId", hasItem(id))
                .body("items.resourceId", hasItem(coach.toString()));
    }

    @Test
    void aDeletedRowLeavesATombstone() {
        data.execute("delete from partner_agreement where organisation_id = ?1", ocmw);
        as(ocmw, "admin").get("/changes?after=" + start).then()
                .body("items.findAll { it.resourceType == 'partner-agreement' }.kind", contains("CREATED", "DELETED"))
                .body("items.findAll { it.resourceType == 'partner-agreement' }.path",
                        hasItem("/organisations/" + ocmw + "/partner-agreement"));
    }

    @Test
    void pagesFollowEachOtherWithoutGaps() {
        for (int i = 0; i < 5; i++) {
            createTrajectory("2024-0" + (i + 1) + "-01");
        }
        List<Integer> paged = Api.allPages(() -> as(ocmw, "coach"), "/changes?limit=2&after=" + start, "position");
        List<Integer> whole = as(ocmw, "coach").get("/changes?limit=500&after=" + start).then()
                .body("next", equalTo(null)).extract().path("items.position");
        assertEquals(whole, paged);
        assertTrue(whole.size() >= 5, whole.toString());
        as(ocmw, "coach").get("/changes?limit=2&after=" + start).then().body("next", notNullValue());
    }

    @Test
    void financialDetailsReachOnlyTheAdminsWhoMayReadThem() {
        as(ocmw, "admin").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.resourceType == 'financial-details' }.resourceId", contains(ocmw));
        as(ocmw, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.resourceType", not(hasItem("financial-details")))
                .body("items.resourceType", hasItem("coach"));
    }
}
