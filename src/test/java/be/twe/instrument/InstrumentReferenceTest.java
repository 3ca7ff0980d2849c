package be.twe.instrument;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.issue;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.Parallel;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Create-or-update of an instrument by the caller's own reference (issue 6). */
@QuarkusTest
class InstrumentReferenceTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    String trajectory;
    Map<String, Object> wes;

    @BeforeEach
    void freshTrajectory() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        wes = Bodies.replacing(Map.of("type", "WES", "employer", "Bakkerij Peeters", "startDate", "2024-02-01",
                "plannedEndDate", "2024-04-30", "coachId", coach.toString()), Bodies.INSTRUMENT);
    }

    String path(String trajectoryId, String reference) {
        return "/trajectories/" + trajectoryId + "/instruments/by-reference/" + reference;
    }

    ExtractableResponse<Response> put(String reference, Map<String, Object> body) {
        return as(ocmw, "coach").body(body).put(path(trajectory, reference)).then().extract();
    }

    long withReference(String reference) {
        // references are unique per registering organisation; other tests use the same ones
        return data.count("select count(*) from instrument where external_reference = ?1 and registered_by = ?2",
                reference, ocmw);
    }

    @Test
    void createsOnceThenChangesOnlyWithIfMatch() {
        ExtractableResponse<Response> created = put("I-1", wes);
        assertEquals(201, created.statusCode());
        String id = created.path("id");
        assertEquals("I-1", created.path("externalReference"));
        assertEquals("/trajectories/" + trajectory + "/instruments/" + id,
                Api.link(created.header("Location")));

        ExtractableResponse<Response> same = put("I-1", wes);
        assertEquals(200, same.statusCode());
        assertEquals(id, same.path("id"));
        assertNull(same.header("Feed-Position"), "nothing was written");

        wes.put("plannedEndDate", "2024-05-31");
        problem(put("I-1", wes).response().then(), 428, "precondition-required");
        as(ocmw, "coach").header("If-Match", "\"0\"").body(wes).put(path(trajectory, "I-1")).then().statusCode(200)
                .header("ETag", "\"1\"").header("Feed-Position", notNullValue())
                .body("id", equalTo(id)).body("plannedEndDate", equalTo("2024-05-31"));
        as(ocmw, "coach").get(path(trajectory, "I-1")).then().statusCode(200).body("id", equalTo(id));
        as(ocmw, "coach").header("If-None-Match", "\"1\"").get(path(trajectory, "I-1")).then().statusCode(304);
        assertEquals(1, withReference("I-1"));
    }

    @Test
    void aReferenceNamesOneInstrumentOfOneTrajectory() {
        put("I-2", wes);
        Map<String, Object> training = new HashMap<>(wes);
        training.put("type", "TRAINING");
        training.put("employer", null);
        training.put("training", Bodies.replacing(Map.of("name", "Lasser", "organiser", "VDAB", "technical", true,
                "fullTime", true), List.of("recognisedByVdab")));
        String inUse = "Your organisation's reference names an instrument of another trajectory or type.";
        problem(put("I-2", training).response().then(), 409, "external-reference-in-use", inUse,
                path(trajectory, "I-2"),
                List.of(issue("body", "type", "Differs from the instrument with this reference.")));
        String other = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        problem(as(ocmw, "coach").body(wes).put(path(other, "I-2")).then(), 409, "external-reference-in-use", inUse,
                path(other, "I-2"),
                List.of(issue("path", "trajectoryId",
                        "The instrument with this reference belongs to another trajectory.")));
        problem(as(ocmw, "coach").get(path(other, "I-2")).then(), 404, "not-found");
        assertEquals(1, withReference("I-2"));
    }

    @Test
    void parallelPutsOfANewReferenceMakeOneInstrument() throws Exception {
        List<Integer> statuses = Parallel.statuses(6, i -> put("I-3", wes).statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(1, withReference("I-3"));
    }

    @Test
    void aPutThatChangesNothingStillNeedsTheWriteRole() {
        assertEquals(201, put("I-helpdesk", wes).statusCode());
        problem(as(ocmw, "helpdesk").body(wes).put(path(trajectory, "I-helpdesk")).then(), 403, "missing-role");
        problem(as(ocmw, "analyst").body(wes).put(path(trajectory, "I-helpdesk")).then(), 403, "missing-role");
        assertEquals(200, put("I-helpdesk", wes).statusCode());
    }
}
