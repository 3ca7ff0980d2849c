package be.twe.trajectory;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.issue;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Parallel;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Create-or-update by the caller's own reference (issue 6). */
@QuarkusTest
class TrajectoryReferenceTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;
    Map<String, Object> body;

    @BeforeEach
    void freshOcmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        body = new HashMap<>(Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(), "startDate", "2024-01-01",
                "coachId", coach.toString()));
    }

    ExtractableResponse<Response> put(String organisation, String reference, Map<String, Object> body) {
        return as(organisation, "coach").body(body).put("/trajectories/by-reference/" + reference).then().extract();
    }

    long withReference(String reference) {
        return data.count("select count(*) from trajectory where external_reference = ?1", reference);
    }

    @Test
    void theFirstPutCreatesTheSameAgainChangesNothing() {
        ExtractableResponse<Response> created = put(ocmw, "CASE-1", body);
        assertEquals(201, created.statusCode());
        String id = created.path("id");
        assertEquals("CASE-1", created.path("externalReference"));
        assertEquals("/trajectories/" + id, Api.link(created.header("Location")));

        ExtractableResponse<Response> again = put(ocmw, "CASE-1", body);
        assertEquals(200, again.statusCode());
        assertEquals(id, again.path("id"));
        assertEquals("\"0\"", again.header("ETag"));
        assertNull(again.header("Feed-Position"), "nothing was written");
        assertEquals(1, withReference("CASE-1"));

        as(ocmw, "coach").get("/trajectories/by-reference/CASE-1").then().statusCode(200).body("id", equalTo(id));
        as(ocmw, "coach").header("If-None-Match", "\"0\"").get("/trajectories/by-reference/CASE-1").then()
                .statusCode(304);
        problem(as(ocmw, "coach").get("/trajectories/by-reference/CASE-unknown").then(), 404, "not-found");
    }

    @Test
    void anotherCoachIsAChangeThatNeedsIfMatch() {
        String id = put(ocmw, "CASE-2", body).path("id");
        UUID other = data.accreditedCoach(ocmw);
        body.put("coachId", other.toString());
        problem(put(ocmw, "CASE-2", body).response().then(), 428, "precondition-required");
        problem(as(ocmw, "coach").header("If-Match", "\"7\"").body(body).put("/trajectories/by-reference/CASE-2")
                .then(), 412, "precondition-failed").body("currentETag", equalTo("\"0\""));
        as(ocmw, "coach").header("If-Match", "\"0\"").body(body).put("/trajectories/by-reference/CASE-2").then()
                .statusCode(200).header("ETag", "\"1\"").header("Feed-Position", org.hamcrest.Matchers.notNullValue())
                .body("id", equalTo(id)).body("coachId", equalTo(other.toString()))
                .body("externalReference", equalTo("CASE-2"));
    }

    @Test
    void aReferenceNamesOneTrajectoryItsIdentityCannotChange() {
        put(ocmw, "CASE-3", body);
        Map<String, Object> other = new HashMap<>(body);
        other.put("clientInsz", TestData.newInsz());
        other.put("startDate", "2024-02-01");
        problem(put(ocmw, "CASE-3", other).response().then(), 409, "external-reference-in-use",
                "Your organisation's reference names a trajectory with another OCMW, client or start date.",
                "/trajectories/by-reference/CASE-3",
                List.of(issue("body", "clientInsz", "Differs from the trajectory with this reference."),
                        issue("body", "startDate", "Differs from the trajectory with this reference.")));
        body.put("externalReference", "CASE-other");
        problem(put(ocmw, "CASE-3", body).response().then(), 400, "invalid-input",
                "The request has 1 invalid field(s); see issues.", "/trajectories/by-reference/CASE-3",
                List.of(issue("body", "externalReference",
                        "Differs from the reference in the path; leave it out or send the same.")));
        assertEquals(1, withReference("CASE-3"));
    }

    @Test
    void referencesBelongToTheRegisteringOrganisation() {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        UUID clusterCoach = data.accreditedCoach(cluster);
        String ocmwOwn = put(ocmw, "CASE-4", body).path("id");
        Map<String, Object> clusters = new HashMap<>(Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(),
                "startDate", "2024-01-01", "coachId", clusterCoach.toString()));
        String clusterOwn = put(cluster, "CASE-4", clusters).path("id");
        as(cluster, "coach").get("/trajectories/by-reference/CASE-4").then().body("id", equalTo(clusterOwn));
        as(ocmw, "coach").get("/trajectories/by-reference/CASE-4").then().body("id", equalTo(ocmwOwn));

        // when the mandate ends, the cluster no longer reaches its trajectory, not even by its reference
        data.execute("update mandate set valid_to = current_date - 1 where cluster_id = ?1", cluster);
        problem(as(cluster, "coach").get("/trajectories/by-reference/CASE-4").then(), 404, "not-found");
    }

    @Test
    void parallelPutsOfANewReferenceMakeOneTrajectory() throws Exception {
        List<Integer> statuses = Parallel.statuses(6, i -> put(ocmw, "CASE-5", body).statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(1, withReference("CASE-5"));
    }

    @Test
    void aPutThatChangesNothingStillNeedsTheWriteRole() {
        assertEquals(201, put(ocmw, "CASE-helpdesk", body).statusCode());
        problem(as(ocmw, "helpdesk").body(body).put("/trajectories/by-reference/CASE-helpdesk").then(), 403,
                "missing-role");
        problem(as(ocmw, "analyst").body(body).put("/trajectories/by-reference/CASE-helpdesk").then(), 403,
                "missing-role");
        assertEquals(200, put(ocmw, "CASE-helpdesk", body).statusCode());
    }
}
