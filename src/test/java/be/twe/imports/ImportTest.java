package be.twe.imports;

import static be.twe.support.Api.as;
import static be.twe.support.Imports.line;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.common.jobs.JobWorker;
import be.twe.imports.service.ImportRunner;
import be.twe.support.Api;
import be.twe.support.Imports;
import be.twe.support.Parallel;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ImportTest {
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    TestData data;
    @Inject
    ImportRunner runner;
    @Inject
    JobWorker worker;

    String ocmw;
    UUID coach;

    @BeforeEach
    void freshOcmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    Map<String, Object> trajectory(String insz) {
        return Map.of("ocmwId", ocmw, "clientInsz", insz, "startDate", "2024-01-01", "coachId", coach.toString());
    }

    Map<String, Object> wes(String start, String plannedEnd) {
        return wes(start, plannedEnd, coach);
    }

    static Map<String, Object> wes(String start, String plannedEnd, UUID coach) {
        return Map.of("type", "WES", "employer", "Bakkerij Peeters", "startDate", start, "plannedEndDate", plannedEnd,
                "coachId", coach.toString());
    }

    /** A PUT's body names every field (ADR 0017), in a line as in the call. */
    static Map<String, Object> complete(Map<String, Object> instrument) {
        Map<String, Object> body = new HashMap<>(instrument);
        body.put("socialRightsBuiltUp", null);
        body.put("training", null);
        return body;
    }

    @Test
    void eachLineIsTheCallItNamesAndABadLineNeverBlocksTheGoodOnes() {
        long feedStart = data.feedPosition();
        Map<String, Object> unknownField = new HashMap<>(wes("2024-04-01", "2024-04-30"));
        unknownField.put("colour", "blue");
        Map<String, Object> noStart = new HashMap<>(wes("2024-04-01", "2024-04-30"));
        noStart.remove("startDate");
        List<String> lines = List.of(
                line("createOrUpdateTrajectoryByReference", Map.of("externalReference", "T-1"),
                        trajectory(TestData.newInsz())),                                                   // 1
                line("createInstrument", Map.of("trajectoryReference", "T-1"), wes("2024-02-01", "2024-02-29")), // 2
                "{\"operation\":",                                                                          // 3
                "",                                                                                         // 4
                line("createInstrument", Map.of("trajectoryReference", "T-1"), unknownField),              // 5
                line("createInstrument", Map.of("trajectoryReference", "T-1"), noStart),                   // 6
                line("createInstrument", Map.of("trajectoryReference", "T-404"), wes("2024-05-01", "2024-05-31")),
                line("createOrUpdateInstrumentByReference", Map.of("trajectoryReference", "T-1",
                        "externalReference", "I-1"), complete(wes("2024-03-01", "2024-03-31"))),            // 8
                line("createOrUpdateInstrumentByReference", Map.of("trajectoryReference", "T-1",
                        "externalReference", "I-1"), complete(wes("2024-03-01", "2024-03-31"))),            // 9
                line("createInstrument", Map.of("trajectoryReference", "T-1"), wes("2024-02-15", "2024-03-15")),
                line("deleteEverything", Map.of(), Map.of()),                                               // 11
                line("createInstrument", Map.of("trajectoryReference", "T-1", "trajectoryId", UUID.randomUUID()),
                        wes("2024-06-01", "2024-06-30")),                                                   // 12
                line("createTrajectory", Map.of(), trajectory("85073003300")),                              // 13
                line("createOrUpdateInstrumentByReference", Map.of("trajectoryReference", "T-1",
                        "externalReference", "I-2"), wes("2024-07-01", "2024-07-31")));                     // 14

        String id = Imports.submit(ocmw, lines);
        JsonPath job = Imports.awaitFinished(ocmw, id, WAIT);
        assertEquals(14, job.getInt("lineCount"));
        assertEquals(4, job.getInt("succeeded"), Imports.report(ocmw, id).toString());
        assertEquals(10, job.getInt("failed"));
        assertEquals(0, job.getInt("pending"));
        assertNotNull(job.getString("startedAt"));
        assertNotNull(job.getString("finishedAt"));

        List<Map<String, Object>> report = Imports.report(ocmw, id);
        assertEquals(14, report.size());
        assertSucceeded(report.get(0), 201, "trajectory");
        assertSucceeded(report.get(1), 201, "instrument");
        assertFailed(report.get(2), 400, "invalid-input", "$");
        assertFailed(report.get(3), 400, "invalid-input", "$");
        assertFailed(report.get(4), 400, "invalid-input", "body.colour");
        assertFailed(report.get(5), 400, "invalid-input", "body.startDate");
        assertFailed(report.get(6), 404, "not-found", null);
        assertSucceeded(report.get(7), 201, "instrument");
        assertSucceeded(report.get(8), 200, "instrument");
        assertEquals(report.get(7).get("resourceId"), report.get(8).get("resourceId"), "the same reference, one record");
        assertFailed(report.get(9), 409, "instrument-overlap", null);
        assertFailed(report.get(10), 400, "invalid-input", "operation");
        assertFailed(report.get(11), 400, "invalid-input", "trajectoryId");
        assertFailed(report.get(12), 400, "invalid-input", "body.clientInsz");
        assertFailed(report.get(13), 400, "invalid-input", "body.socialRightsBuiltUp"); // a PUT names every field

        // the records exist, are the caller's like any other, and reached the change feed
        for (int i : List.of(0, 1, 7)) {
            as(ocmw, "coach").get((String) report.get(i).get("path")).then().statusCode(200)
                    .body("id", equalTo(report.get(i).get("resourceId")));
        }
        String trajectoryId = (String) report.get(0).get("resourceId");
        as(ocmw, "coach").get("/trajectories/" + trajectoryId + "/instruments").then().statusCode(200)
                .body("items.size()", equalTo(2));
        List<String> fed = Api.allPages(() -> as(ocmw, "coach"), "/changes?limit=500&after=" + feedStart, "resourceId");
        assertTrue(fed.containsAll(List.of(trajectoryId, (String) report.get(1).get("resourceId"),
                (String) report.get(7).get("resourceId"))), fed.toString());
        // no line's text (INSZ numbers) is kept once processed
        assertEquals(0, data.count("select count(*) from import_line where import_id = cast(?1 as uuid) "
                + "and request is not null", id));

        // the report pages and filters
        List<Integer> failed = Api.allPages(() -> as(ocmw, "coach"), "/imports/" + id + "/lines?status=FAILED&limit=4",
                "line");
        assertEquals(List.of(3, 4, 5, 6, 7, 10, 11, 12, 13, 14), failed);
        assertEquals(List.of(1, 2, 8, 9), Api.allPages(() -> as(ocmw, "coach"),
                "/imports/" + id + "/lines?status=SUCCEEDED&limit=1", "line"));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A batch runs as a pipeline (issue 31): its lines are judged in file order on the records read
     * for all of them, and what they made is written one table at a time, so the feed lists the
     * batch's trajectories before its instruments. Line by line, they alternated.
     */
    @Test
    void aBatchIsJudgedTogetherAndWrittenOneTableAtATime() {
        long feedStart = data.feedPosition();
        List<String> lines = new ArrayList<>();
        for (String reference : List.of("P-1", "P-2", "P-3")) {
            lines.add(line("createOrUpdateTrajectoryByReference", Map.of("externalReference", reference),
                    trajectory(TestData.newInsz())));
            lines.add(line("createInstrument", Map.of("trajectoryReference", reference), wes("2024-02-01", "2024-02-29")));
        }
        String id = Imports.submit(ocmw, lines);
        assertEquals(6, Imports.awaitFinished(ocmw, id, WAIT).getInt("succeeded"));
        assertEquals(List.of("trajectory|CREATED", "trajectory|CREATED", "trajectory|CREATED", "instrument|CREATED",
                        "instrument|CREATED", "instrument|CREATED"),
                data.rows("select resource_type, kind from change_event where position > ?1 and organisation_id = ?2 "
                        + "order by position", feedStart, ocmw));
    }

    @SuppressWarnings("unchecked")
    static void assertFailed(Map<String, Object> line, int status, String code, String issue) {
        assertEquals("FAILED", line.get("status"), line.toString());
        assertEquals(status, line.get("httpStatus"), line.toString());
        Map<String, Object> problem = (Map<String, Object>) line.get("problem");
        assertEquals(code, problem.get("code"), line.toString());
        assertEquals(status, problem.get("status"));
        if (issue != null) {
            List<Map<String, Object>> issues = (List<Map<String, Object>>) problem.get("issues");
            assertEquals(issue, issues.get(0).get("name"), line.toString());
        }
        assertNull(line.get("resourceId"));
    }

    static void assertSucceeded(Map<String, Object> line, int status, String type) {
        assertEquals("SUCCEEDED", line.get("status"), line.toString());
        assertEquals(status, line.get("httpStatus"));
        assertEquals(type, line.get("resourceType"));
        assertNotNull(line.get("resourceId"));
        assertNull(line.get("problem"));
    }

    @Test
    void linesRunAsTheSubmitterWithItsTenancy() {
        String other = data.newOcmw("11002");
        String clusterWith = data.newCluster();
        String clusterWithout = data.newCluster();
        data.mandate(clusterWith, ocmw, LocalDate.now().minusYears(1), null);
        data.mandate(clusterWithout, ocmw, LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        Map<String, Integer> expected = Map.of(ocmw, 201, other, 404, clusterWith, 201, clusterWithout, 404,
                "vdab", 201);
        int month = 1;
        for (Map.Entry<String, Integer> submitter : expected.entrySet()) {
            UUID ownCoach = submitter.getKey().equals("vdab") ? coach : data.accreditedCoach(submitter.getKey());
            LocalDate start = LocalDate.of(2024, month++, 1);
            String id = Imports.submit(submitter.getKey(), List.of(line("createInstrument",
                    Map.of("trajectoryId", trajectory),
                    wes(start.toString(), start.plusMonths(1).minusDays(1).toString(), ownCoach))),
                    submitter.getKey().equals("vdab") ? "helpdesk" : "coach");
            Imports.awaitFinished(submitter.getKey(), id, WAIT);
            assertEquals(submitter.getValue(), Imports.report(submitter.getKey(), id).get(0).get("httpStatus"),
                    submitter.getKey());
        }
        assertEquals(3, data.count("select count(*) from instrument where trajectory_id = cast(?1 as uuid)", trajectory));
    }

    @Test
    void aRefusedFileIsNotStoredAtAll() {
        long before = data.count("select count(*) from import_job where organisation_id = ?1", ocmw);
        as(ocmw, "admin").contentType(Imports.NDJSON).body(bytes("{}\n")).post("/imports").then().statusCode(403)
                .body("code", equalTo("missing-role"));
        Api.invalid(as(ocmw, "coach")).contentType(Imports.NDJSON).body(bytes("")).post("/imports").then().statusCode(400)
                .body("code", equalTo("invalid-input"));
        as(ocmw, "coach").contentType(Imports.NDJSON).body(bytes("{}\n" + "x".repeat(64 * 1024 + 1) + "\n"))
                .post("/imports").then().statusCode(400).body("issues[0].name", equalTo("line 2"));
        Api.invalid(as(ocmw, "coach")).contentType("application/json").body("{}").post("/imports").then()
                .statusCode(415);
        assertEquals(before, data.count("select count(*) from import_job where organisation_id = ?1", ocmw));
        assertEquals(0, data.count("select count(*) from import_line l where not exists "
                + "(select 1 from import_job j where j.id = l.import_id)"));
    }

    @Test
    void aRetriedSubmissionWithTheSameKeyMakesOneImport() throws Exception {
        byte[] body = bytes(line("createTrajectory", Map.of(), trajectory(TestData.newInsz())) + "\n");
        String digest = "sha-256=:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(body)) + ":";
        String key = UUID.randomUUID().toString();
        String first = as(ocmw, "coach").contentType(Imports.NDJSON).header("Content-Digest", digest)
                .header("Idempotency-Key", key).body(body).post("/imports").then().statusCode(202).extract().path("id");
        as(ocmw, "coach").contentType(Imports.NDJSON).header("Content-Digest", digest).header("Idempotency-Key", key)
                .body(body).post("/imports").then().statusCode(202).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        Imports.awaitFinished(ocmw, first, WAIT);
        assertEquals(1, data.count("select count(*) from import_job where organisation_id = ?1", ocmw));
        assertEquals(1, data.count("select count(*) from trajectory where ocmw_id = ?1", ocmw));

        as(ocmw, "coach").contentType(Imports.NDJSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/imports").then().statusCode(400).body("code", equalTo("content-digest-required"));
        as(ocmw, "coach").contentType(Imports.NDJSON).header("Content-Digest", digest).body(bytes("{}\n"))
                .post("/imports").then().statusCode(400).body("code", equalTo("content-digest-mismatch"));
        assertEquals(1, data.count("select count(*) from import_job where organisation_id = ?1", ocmw));
    }

    @Test
    void anUnfinishedImportResumesOnOneWorkerAtATimeInFileOrder() throws Exception {
        UUID id = UUID.randomUUID();
        int pairs = 150;
        data.execute("insert into import_job (id, organisation_id, subject, roles, line_count, started_at) "
                + "values (?1, ?2, 'resumed-user', 'coach', ?3, now())", id, ocmw, 2 * pairs);
        for (int i = 0; i < pairs; i++) { // each instrument line needs the trajectory of the line before it
            data.execute("insert into import_line (import_id, line, request) values (?1, ?2, ?3)", id, 2 * i + 1,
                    line("createOrUpdateTrajectoryByReference", Map.of("externalReference", "resumed-" + id + "-" + i),
                            Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(), "startDate", "2024-01-01",
                                    "coachId", coach.toString())));
            data.execute("insert into import_line (import_id, line, request) values (?1, ?2, ?3)", id, 2 * i + 2,
                    line("createInstrument", Map.of("trajectoryReference", "resumed-" + id + "-" + i),
                            wes("2024-02-01", "2024-02-29")));
        }
        // two workers (two instances resuming the same job): one holds its lease, the other leaves it
        List<Integer> ran = Parallel.statuses(2, n -> worker.run(runner, id) ? 1 : 0);
        assertEquals(List.of(0, 1), ran.stream().sorted().toList());
        worker.resumeUnfinished(); // finds nothing left to do
        JsonPath job = Imports.awaitFinished(ocmw, id.toString(), WAIT);
        assertEquals(2 * pairs, job.getInt("succeeded"), Imports.report(ocmw, id.toString()).stream()
                .filter(l -> !"SUCCEEDED".equals(l.get("status"))).limit(5).toList().toString());
        assertEquals(0, job.getInt("failed"));
        assertEquals(pairs, data.count("select count(*) from instrument i join trajectory t on t.id = i.trajectory_id "
                + "where t.ocmw_id = ?1 and i.registered_by = ?1", ocmw), "registered as the submitter's organisation");
    }
}
