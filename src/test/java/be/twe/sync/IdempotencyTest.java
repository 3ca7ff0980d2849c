package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.CoachInput;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import be.twe.sync.idempotency.IdempotencyKeys;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class IdempotencyTest {
    @Inject
    TestData data;
    @Inject
    IdempotencyKeys keys;

    String ocmw;
    UUID coach;
    String insz;

    @BeforeEach
    void freshOcmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
        insz = TestData.newInsz();
    }

    Map<String, Object> trajectory(String startDate) {
        return Map.of("ocmwId", ocmw, "clientInsz", insz, "startDate", startDate, "coachId", coach.toString());
    }

    ExtractableResponse<Response> createTrajectory(String key, Map<String, Object> body) {
        return as(ocmw, "coach").header("Idempotency-Key", key).body(body).post("/trajectories").then().extract();
    }

    long trajectories() {
        return data.count("select count(*) from trajectory where ocmw_id = ?1", ocmw);
    }

    @Test
    void aRetryGetsTheFirstResponseAndCreatesNothing() {
        ExtractableResponse<Response> first = createTrajectory("sync-0001", trajectory("2024-01-01"));
        ExtractableResponse<Response> retry = createTrajectory("sync-0001", trajectory("2024-01-01"));

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.<String>path("id"), retry.path("id"));
        assertEquals(first.<String>path("clientInsz"), retry.path("clientInsz"));
        for (String header : List.of("Location", "ETag", "Feed-Position")) {
            assertEquals(first.header(header), retry.header(header), header);
        }
        assertEquals(1, trajectories());
        assertEquals(1, data.count("select count(*) from change_event where resource_id = ?1",
                (Object) first.path("id")));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndCreatesNothing() {
        createTrajectory("sync-0002", trajectory("2024-01-01"));
        problem(createTrajectory("sync-0002", trajectory("2024-02-01")).response().then(), 422,
                "idempotency-key-reused")
                .body("issues[0].location", equalTo("header")).body("issues[0].name", equalTo("Idempotency-Key"));
        // another operation with the key is another request too
        problem(as(ocmw, "admin").header("Idempotency-Key", "sync-0002")
                .body(json(new CoachInput().name("Coach")))
                .post("/organisations/" + ocmw + "/coaches").then(), 422, "idempotency-key-reused");
        assertEquals(1, trajectories());
    }

    @Test
    void keysBelongToTheCallersOrganisation() {
        String other = data.newOcmw();
        UUID otherCoach = data.accreditedCoach(other);
        createTrajectory("shared-key", trajectory("2024-01-01")).response().then().statusCode(201);
        as(other, "coach").header("Idempotency-Key", "shared-key")
                .body(json(Requests.trajectory(other, otherCoach, "2024-01-01")))
                .post("/trajectories").then().statusCode(201);
        assertEquals(1, trajectories());
        assertEquals(1, data.count("select count(*) from trajectory where ocmw_id = ?1", other));
    }

    @Test
    void aFailedCreateIsNotRememberedSoItsCorrectedRetryRuns() {
        // a start before the measure existed is refused; the key stays free
        problem(createTrajectory("sync-0003", trajectory("2016-12-31")).response().then(), 422,
                "trajectory-before-measure");
        assertEquals(0, data.count("select count(*) from idempotency_key where organisation_id = ?1", ocmw));
        assertEquals(201, createTrajectory("sync-0003", trajectory("2024-01-01")).statusCode());
        assertEquals(1, trajectories());
    }

    @Test
    void aKeyExpiresAfter24Hours() {
        String first = createTrajectory("sync-0004", trajectory("2024-01-01")).path("id");
        data.execute("update idempotency_key set created_at = now() - interval '23 hours' where organisation_id = ?1",
                ocmw);
        assertEquals(first, createTrajectory("sync-0004", trajectory("2024-01-01")).path("id"));

        data.execute("update idempotency_key set created_at = now() - interval '24 hours 1 minute' "
                + "where organisation_id = ?1", ocmw);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-03-31", TrajectoryEndReason.WORK_NEC, "Werk.")))
                .post("/trajectories/" + first + "/end").then().statusCode(200);
        ExtractableResponse<Response> afterExpiry = createTrajectory("sync-0004", trajectory("2024-05-01"));
        assertEquals(201, afterExpiry.statusCode());
        assertNotEquals(first, afterExpiry.path("id"));
        assertEquals(2, trajectories());
    }

    @Test
    void parallelRetriesWithOneKeyMakeOneRecordAndAllGetIt() throws Exception {
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Integer> statuses = Parallel.statuses(8, i -> {
            ExtractableResponse<Response> response = createTrajectory("parallel-1", trajectory("2024-01-01"));
            ids.add(response.path("id"));
            return response.statusCode();
        });
        assertEquals(8, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(1, ids.stream().distinct().count(), ids.toString());
        assertEquals(1, trajectories());
    }

    @Test
    void everyCreateOfAnOrganisationsRecordsIsIdempotent() {
        String trajectory = createTrajectory("t-1", trajectory("2024-01-01")).path("id");
        Map<String, Object> instrument = Map.of("type", "WES", "employer", "Bakkerij Peeters", "startDate", "2024-02-01",
                "plannedEndDate", "2024-04-30", "coachId", coach.toString());
        Map<String, Object> newCoach = Map.of("name", "Nieuwe coach");
        for (int attempt = 0; attempt < 2; attempt++) {
            as(ocmw, "coach").header("Idempotency-Key", "i-1").body(instrument)
                    .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201);
            as(ocmw, "admin").header("Idempotency-Key", "c-1").body(newCoach)
                    .post("/organisations/" + ocmw + "/coaches").then().statusCode(201);
        }
        assertEquals(1, data.count("select count(*) from instrument where trajectory_id = ?1",
                UUID.fromString(trajectory)));
        assertEquals(2, data.count("select count(*) from coach where organisation_id = ?1", ocmw));
    }

    @Test
    void anUploadIsRecognisedByItsDeclaredDigest() {
        String trajectory = createTrajectory("t-2", trajectory("2024-01-01")).path("id");
        byte[] content = TestFiles.pdf();
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex(TestFiles.sha256(content))) + ":";
        problem(upload(as(ocmw, "coach").header("Idempotency-Key", "u-1"), trajectory, content), 400,
                "content-digest-required").body("issues[0].name", equalTo("Content-Digest"));

        String first = upload(as(ocmw, "coach").header("Idempotency-Key", "u-1").header("Content-Digest", digest),
                trajectory, content).statusCode(201).extract().path("id");
        String retry = upload(as(ocmw, "coach").header("Idempotency-Key", "u-1").header("Content-Digest", digest),
                trajectory, content).statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertEquals(first, retry);
        assertEquals(1, data.count("select count(*) from document_version where trajectory_id = ?1",
                UUID.fromString(trajectory)));
    }

    static io.restassured.response.ValidatableResponse upload(RequestSpecification request, String trajectory,
                                                             byte[] content) {
        return request.contentType(TestFiles.PDF).body(content).queryParam("kind", "POP").queryParam("title", "Plan")
                .queryParam("fileName", "plan.pdf").post("/trajectories/" + trajectory + "/documents").then();
    }

    @Test
    void aKeyOutsideTheContractIsABadRequest() {
        problem(invalid(as(ocmw, "coach")).header("Idempotency-Key", "x".repeat(101)).body(trajectory("2024-01-01"))
                .post("/trajectories").then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("Idempotency-Key"));
        assertEquals(0, trajectories());
    }

    @Test
    void theHourlyJobDeletesOnlyExpiredKeys() {
        createTrajectory("old-key", trajectory("2024-01-01"));
        data.execute("update idempotency_key set created_at = now() - interval '25 hours' where organisation_id = ?1",
                ocmw);
        insz = TestData.newInsz();
        createTrajectory("new-key", trajectory("2024-01-01"));

        keys.purgeExpired();

        assertEquals(List.of("new-key|" + ocmw), data.rows(
                "select key, organisation_id from idempotency_key where organisation_id = ?1", ocmw));
    }
}
