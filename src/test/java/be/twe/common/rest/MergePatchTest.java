package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryUpdate;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** PATCH with JSON Merge Patch (RFC 7396): set what is sent, clear what is null, keep what is left out. */
@QuarkusTest
class MergePatchTest {
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    String trajectory;

    @BeforeEach
    void trajectoryWithAReference() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-02-01");
        as(ocmw, "coach").header("If-Match", "\"0\"").contentType(MERGE_PATCH).body(json(new TrajectoryUpdate()
                .externalReference("case-1")))
                .patch("/trajectories/" + trajectory).then().statusCode(200).header("ETag", "\"1\"")
                .header("Feed-Position", notNullValue()).body("externalReference", equalTo("case-1"));
    }

    private RequestSpecification patch(String ifMatch) {
        return as(ocmw, "coach").header("If-Match", ifMatch).contentType(MERGE_PATCH);
    }

    @Test
    void oneFieldChangesAndTheOthersAreKept() {
        UUID other = data.accreditedCoach(ocmw);
        JsonPath changed = patch("\"1\"").body(json(new TrajectoryUpdate().coachId(other)))
                .patch("/trajectories/" + trajectory)
                .then().statusCode(200).header("ETag", "\"2\"").extract().jsonPath();
        assertEquals(other.toString(), changed.getString("coachId"));
        assertEquals("case-1", changed.getString("externalReference"), "left out: kept");
        Map<String, Object> stored = new HashMap<>(as(ocmw, "coach").get("/trajectories/" + trajectory).then()
                .statusCode(200).extract().jsonPath().getMap(""));
        Map<String, Object> answered = new HashMap<>(changed.getMap(""));
        // the same instant; a write answers it in the server's offset, a read in UTC
        assertEquals(OffsetDateTime.parse((String) answered.remove("updatedAt")).toInstant(),
                OffsetDateTime.parse((String) stored.remove("updatedAt")).toInstant());
        assertEquals(answered, stored, "the answer is the record as stored");
    }

    @Test
    void nullClearsAField() {
        Map<String, Object> clear = new HashMap<>();
        clear.put("externalReference", null);
        patch("\"1\"").body(clear).patch("/trajectories/" + trajectory).then().statusCode(200)
                .body("externalReference", nullValue()).body("coachId", equalTo(coach.toString()));
    }

    @Test
    void anObjectMergesFieldByField() {
        String training = as(ocmw, "coach").body(Map.of("type", "TRAINING", "startDate", "2024-03-01",
                        "plannedEndDate", "2024-04-30", "coachId", coach.toString(), "training", Map.of("name", "Lassen",
                                "organiser", "VDAB", "technical", false, "fullTime", true)))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201).extract().path("id");
        patch("\"0\"").body(Map.of("training", Map.of("name", "Lassen II")))
                .patch("/trajectories/" + trajectory + "/instruments/" + training).then().statusCode(200)
                .body("training.name", equalTo("Lassen II")).body("training.organiser", equalTo("VDAB"))
                .body("training.fullTime", equalTo(true)).body("plannedEndDate", equalTo("2024-04-30"));
    }

    @Test
    void theResultIsCheckedAsThePutChecksItsBody() {
        problem(patch("\"1\"").body(json(new TrajectoryUpdate().coachId(UUID.randomUUID())))
                .patch("/trajectories/" + trajectory)
                .then(), 422, "unknown-coach");
        problem(invalid(patch("\"1\"")).body(json(new TrajectoryUpdate().externalReference("x".repeat(101))))
                .patch("/trajectories/" + trajectory).then(), 400, "invalid-input")
                .body("issues.name", hasItem("externalReference"));
        problem(invalid(patch("\"1\"")).body(Map.of("coachId", "not-a-uuid")).patch("/trajectories/" + trajectory)
                .then(), 400, "invalid-input").body("issues.name", hasItem("coachId"));
        problem(invalid(patch("\"1\"")).body(Map.of("startDate", "2024-01-01")).patch("/trajectories/" + trajectory)
                .then(), 400, "invalid-input").body("issues.name", hasItem("startDate"))
                .body("issues.detail", hasItem("Unknown field 'startDate'."));
        as(ocmw, "coach").get("/trajectories/" + trajectory).then().header("ETag", "\"1\"")
                .body("externalReference", equalTo("case-1"));
    }

    @Test
    void ifMatchAsForPut() {
        problem(invalid(as(ocmw, "coach").contentType(MERGE_PATCH)).body(json(new TrajectoryUpdate()
                .externalReference("case-2")))
                .patch("/trajectories/" + trajectory).then(), 428, "precondition-required");
        problem(patch("\"0\"").body(json(new TrajectoryUpdate().externalReference("case-2")))
                .patch("/trajectories/" + trajectory).then(),
                412, "precondition-failed").body("currentETag", equalTo("\"1\""));
        patch("*").body(json(new TrajectoryUpdate().externalReference("case-2"))).patch("/trajectories/" + trajectory)
                .then()
                .statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void onlyMergePatchIsTakenAndAnotherOcmwSeesNothing() {
        problem(invalid(as(ocmw, "coach").header("If-Match", "\"1\"")).body(json(new TrajectoryUpdate()
                .externalReference("case-2")))
                .patch("/trajectories/" + trajectory).then(), 415, "unsupported-media-type")
                .body("detail", equalTo("This operation takes application/merge-patch+json; the request has "
                        + "application/json."));
        problem(invalid(patch("\"1\"")).body(Map.of()).patch("/trajectories/" + trajectory).then(), 400, "invalid-input");
        String other = data.newOcmw();
        problem(as(other, "coach").header("If-Match", "*").contentType(MERGE_PATCH)
                .body(json(new TrajectoryUpdate().externalReference("mine"))).patch("/trajectories/" + trajectory)
                .then(), 404, "not-found");
    }
}
