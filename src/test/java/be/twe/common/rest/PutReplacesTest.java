package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** A PUT replaces the record: a field left out is refused by name, never cleared behind the client's back. */
@QuarkusTest
class PutReplacesTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    String trajectory;

    @BeforeEach
    void aTrajectoryWithAReference() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        trajectory = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-02-01")
                .externalReference("case-17")))
                .post("/trajectories").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPutWithoutSomeFieldsIsRefusedNamingThemAndChangesNothing() {
        problem(invalid(as(ocmw, "coach")).header("If-Match", "\"0\"").body(Map.of("coachId", coach.toString()))
                .put("/trajectories/" + trajectory).then(), 400, "invalid-input")
                .body("issues.name", contains("externalReference", "atWorkAtMeasurement", "atWorkWithin12Months"))
                .body("issues[0].detail", equalTo(
                        "Missing: a PUT replaces the record, so it names every field (null clears one)."));
        as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200)
                .body("externalReference", equalTo("case-17"));
    }

    @Test
    void nullClearsAFieldWhenTheClientSaysSo() {
        Map<String, Object> body = new HashMap<>();
        body.put("coachId", coach.toString());
        body.put("externalReference", null);
        body.put("atWorkAtMeasurement", null);
        body.put("atWorkWithin12Months", null);
        as(ocmw, "coach").header("If-Match", "\"0\"").body(body).put("/trajectories/" + trajectory).then()
                .statusCode(200).body("externalReference", nullValue());
    }

    @Test
    void nestedObjectsAreCheckedAlikeAndAByReferencePutMayLeaveOutItsReference() {
        Map<String, Object> training = new HashMap<>(Map.of("name", "Magazijnier", "organiser", "VDAB",
                "technical", false, "fullTime", true));
        Map<String, Object> instrument = new HashMap<>(Map.of("type", "TRAINING", "startDate", "2024-03-01",
                "plannedEndDate", "2024-04-30", "coachId", coach.toString(), "training", training));
        instrument.put("employer", null);
        instrument.put("socialRightsBuiltUp", null);
        problem(invalid(as(ocmw, "coach")).body(instrument)
                .put("/trajectories/" + trajectory + "/instruments/by-reference/training-1").then(), 400, "invalid-input")
                .body("issues.name", contains("training.recognisedByVdab"));
        training.put("recognisedByVdab", null);
        as(ocmw, "coach").body(instrument).put("/trajectories/" + trajectory + "/instruments/by-reference/training-1")
                .then().statusCode(201);

        Map<String, Object> byReference = Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(),
                "startDate", "2024-02-01", "coachId", coach.toString());
        as(ocmw, "coach").body(byReference).put("/trajectories/by-reference/case-18").then().statusCode(201);
    }
}
