package be.twe.exports;

import static be.twe.support.Api.as;
import static be.twe.support.Api.plain;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.InstrumentType;
import be.twe.api.model.InstrumentYear;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.Today;
import be.twe.exports.persistence.ExportJobRepository;
import be.twe.exports.service.ExportEntry;
import be.twe.exports.service.ExportFeed;
import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.DatabaseOwner;
import be.twe.support.Jobs;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import be.twe.sync.service.ChangeFeedService;
import be.twe.sync.service.VisibilityChanges;
import be.twe.trajectory.rest.TrajectoryMapper;
import be.twe.trajectory.service.TrajectoryReads;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExportTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @Inject
    VisibilityChanges visibility;
    @Inject
    Today today;
    @Inject
    CallerContext callers;
    @Inject
    ExportFeed exportFeed;
    @Inject
    ChangeFeedService feed;
    @Inject
    TrajectoryReads trajectories;
    @Inject
    TrajectoryMapper mapper;
    @Inject
    ExportJobRepository jobs;

    String ocmw;
    UUID coach;

    @BeforeEach
    void freshOcmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    /** Requests an export as {@code caller} (coach and admin), waits for it and returns its job and lines. */
    record Export(JsonPath job, List<Map<String, Object>> lines) {
        long position() {
            return job.getLong("position");
        }

        /** resourceType/resourceId of every line, with "deleted" or its version. */
        Map<String, String> summary() {
            return lines.stream().collect(Collectors.toMap(l -> l.get("resourceType") + "/" + l.get("resourceId"),
                    l -> Boolean.TRUE.equals(l.get("deleted")) ? "deleted" : "v" + l.get("version"),
                    (a, b) -> { throw new AssertionError("a record twice: " + a + ", " + b); }, LinkedHashMap::new));
        }
    }

    @SuppressWarnings("unchecked")
    static Export export(String caller, long since) {
        String id = as(caller, "coach", "admin").post("/exports?since=" + since).then().statusCode(202)
                .body("status", equalTo("QUEUED")).extract().path("id");
        JsonPath job = Jobs.await(caller, "/exports/" + id, WAIT);
        assertEquals("FINISHED", job.getString("status"), job.prettify());
        // the job's own times: it took some time (both were once the transaction's start)
        assertTrue(OffsetDateTime.parse(job.getString("finishedAt"))
                .isAfter(OffsetDateTime.parse(job.getString("startedAt"))), job.prettify());
        if (job.getInt("records") + job.getInt("deletions") == 0) {
            return new Export(job, List.of()); // the contract validator takes an empty body for a missing one
        }
        String body = as(caller, "coach").get("/exports/" + id + "/content").then().statusCode(200)
                .contentType("application/x-ndjson").header("X-Content-Type-Options", "nosniff").extract().asString();
        List<Map<String, Object>> lines = body.lines().map(line -> {
            try {
                return (Map<String, Object>) JSON.readValue(line, Map.class);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
        assertEquals(job.getInt("records") + job.getInt("deletions"), lines.size());
        return new Export(job, lines);
    }

    /**
     * A write committed before the export was requested is in it, also while a transaction that
     * began writing before that write still runs: its entries are not final yet, and the export
     * waits for them (issue 33; it took the last final position and missed such writes).
     */
    @Test
    void anExportHoldsWhatWasCommittedBeforeItWhileAnOlderWriterStillRuns() throws Exception {
        try (Connection older = DatabaseOwner.connect(); Statement s = older.createStatement()) {
            older.setAutoCommit(false);
            s.execute("select pg_current_xact_id()"); // a transaction id older than the write below
            String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
            CompletableFuture<Export> export = CompletableFuture.supplyAsync(() -> export(ocmw, 0));
            Thread.sleep(1_500); // the export has started and waits
            assertFalse(export.isDone(), "the export waits for the older transaction");
            older.commit();
            assertTrue(export.get(60, TimeUnit.SECONDS).summary().containsKey("trajectory/" + trajectory));
        }
    }

    @Test
    void aFullExportHoldsWhatTheUserSeesAndSinceOnlyWhatChangedAfter() {
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        String elsewhere = data.newOcmw("11002");
        Registrations.trajectory(elsewhere, elsewhere, data.accreditedCoach(elsewhere), "2024-01-01");

        Export full = export(ocmw, 0);
        // exactly the records the caller's own change feed names, each once
        Set<String> fed = Api.allPages(() -> as(ocmw, "coach", "admin"), "/changes?limit=500", "path").stream()
                .map(Object::toString).collect(Collectors.toSet());
        assertEquals(fed, full.lines().stream().map(l -> (String) l.get("path")).collect(Collectors.toSet()));
        Map<String, Object> exported = full.lines().stream()
                .filter(l -> l.get("resourceId").equals(trajectory)).findFirst().orElseThrow();
        assertEquals(as(ocmw, "coach").get("/trajectories/" + trajectory).then().extract().as(Map.class),
                exported.get("record"), "a record as its GET shows it");
        assertTrue(full.summary().containsKey("financial-details/" + ocmw), "an admin's export has them");

        long position = full.position();
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", coach.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + trajectory).then().statusCode(200);
        String second = Registrations.wes(ocmw, trajectory, coach, "2024-03-01", "2024-03-31");
        Export since = export(ocmw, position);
        assertEquals(Map.of("trajectory/" + trajectory, "v1", "instrument/" + second, "v0"), since.summary());
        assertEquals(position, since.job().getLong("since"));
        assertTrue(since.position() > position);

        assertEquals(Map.of(), export(ocmw, since.position()).summary(), "nothing changed since");
        assertTrue(full.summary().containsKey("instrument/" + instrument));
    }

    /** Every line's record equals its GET, text that COPY escapes included (issue 31: lines written in one pass). */
    @Test
    @SuppressWarnings("unchecked")
    void everyLineIsItsRecordAsItsGetShowsIt() {
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        String employer = "Bakkerij \"De Zon\" \\ Zuid \\t é ✓";
        String instrument = as(ocmw, "coach")
                .body(json(Requests.instrument(InstrumentType.WES, "2024-03-01", "2024-05-31", coach)
                .employer(employer)))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201).extract().path("id");

        Export full = export(ocmw, 0);
        assertTrue(full.lines().size() >= 5, "trajectory, instruments, coach, agreement, financial details");
        for (Map<String, Object> line : full.lines()) {
            var shown = as(ocmw, "coach", "admin").get((String) line.get("path")).then().statusCode(200).extract();
            assertEquals(shown.as(Map.class), line.get("record"), (String) line.get("path"));
            assertEquals("\"" + line.get("version") + "\"", shown.header("ETag"), (String) line.get("path"));
        }
        Map<String, Object> exported = full.lines().stream().filter(l -> l.get("resourceId").equals(instrument))
                .findFirst().orElseThrow();
        assertEquals(employer, ((Map<String, Object>) exported.get("record")).get("employer"));
    }

    /**
     * More batches than are read at a time (500 records each, two at a time on threads of their
     * own, issue 31), and enough for the one pass (ExportFeed): the lines still come in the feed's order,
     * every record once, as its user sees it.
     */
    @Test
    void batchesReadSideBySideComeInTheFeedsOrder() throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 1_300; i++) {
            ids.add(UUID.randomUUID());
        }
        // two transactions: two runs of positions
        DatabaseOwner.insertTrajectories(ocmw, coach, ids.subList(0, 700));
        DatabaseOwner.insertTrajectories(ocmw, coach, ids.subList(700, ids.size()));
        Export full = export(ocmw, 0);
        List<Long> positions = full.lines().stream().map(l -> ((Number) l.get("position")).longValue()).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "in the feed's order, each once");
        assertEquals(ids.stream().map(UUID::toString).collect(Collectors.toSet()), full.lines().stream()
                .filter(l -> l.get("resourceType").equals("trajectory")).map(l -> (String) l.get("resourceId"))
                .collect(Collectors.toSet()));
        List<Map<String, Object>> trajectories = full.lines().stream()
                .filter(l -> l.get("resourceType").equals("trajectory")).toList();
        assertTrue(trajectories.stream().allMatch(l -> l.get("record") != null),
                "every trajectory read, none a deletion");
        // 1,300 entries: read in the export's one pass (ExportFeed), each line still as its GET shows it
        for (int i : List.of(0, 699, 1_299)) {
            String path = (String) trajectories.get(i).get("path");
            assertEquals(as(ocmw, "coach").get(path).then().statusCode(200).extract().as(Map.class),
                    trajectories.get(i).get("record"), path);
        }
    }

    /**
     * A record gone since the export's position (here: a fed coach that no longer exists) is a
     * deletion, and the other records of its batch, read with it in one transaction, are still
     * written (the batch is read again one record at a time).
     */
    @Test
    void aRecordGoneBeforeItIsReadIsADeletionAndItsBatchIsStillWritten() throws SQLException {
        String gone = UUID.randomUUID().toString();
        try (Connection owner = DatabaseOwner.connect(); PreparedStatement s = owner.prepareStatement(
                "insert into change_event (resource_type, resource_id, path, scope, organisation_id, version, kind) "
                        + "values ('coach', ?, ?, 'OWN', ?, 0, 'CREATED')")) { // only the feed's triggers write it
            s.setString(1, gone);
            s.setString(2, "/organisations/" + ocmw + "/coaches/" + gone);
            s.setString(3, ocmw);
            s.executeUpdate();
        }

        Export full = export(ocmw, 0);
        assertEquals("deleted", full.summary().get("coach/" + gone));
        assertEquals("v0", full.summary().get("coach/" + coach), "the batch's other coach");
        assertTrue(full.summary().containsKey("financial-details/" + ocmw), "and its other records");
    }

    /** The content is stored in blocks of lines and read a few blocks at a time: every line comes back once, in order. */
    @Test
    void aDownloadJoinsTheBlocksOfLinesInOrder() {
        UUID export = UUID.randomUUID();
        data.execute("insert into export_job (id, organisation_id, subject, roles, since, up_to, records, deletions, "
                + "submitted_at, started_at, finished_at) values (?1, ?2, ?3, 'coach', 0, 0, 30, 0, now(), now(), now())",
                export, ocmw, "test-user@" + ocmw);
        List<String> expected = new ArrayList<>();
        for (int block = 0; block < 10; block++) { // more blocks than a download reads at a time
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lines.add("{\"line\":" + (expected.size() + 1) + "}");
                expected.add(lines.get(lines.size() - 1));
            }
            data.execute("insert into export_line (export_id, line, content) values (?1, ?2, ?3)", export,
                    expected.size() - 2, String.join("\n", lines));
        }
        String body = as(ocmw, "coach").get("/exports/" + export + "/content").then().statusCode(200)
                .extract().asString();
        assertEquals(expected, body.lines().toList());
        assertTrue(body.endsWith("}\n"));
    }

    @Test
    void aClusterWhoseMandateEndedGetsDeletions() {
        String cluster = data.newCluster();
        LocalDate now = today.date();
        data.mandate(cluster, ocmw, now.minusDays(100), null);
        String trajectory = Registrations.trajectory(cluster, ocmw, data.accreditedCoach(cluster), "2024-01-01");
        Export full = export(cluster, 0);
        assertEquals("v0", full.summary().get("trajectory/" + trajectory));

        data.execute("update mandate set valid_to = ?1 where cluster_id = ?2", now.minusDays(1), cluster);
        data.execute("delete from visibility_day where day = ?1", now);
        visibility.record(now);

        Export since = export(cluster, full.position());
        assertEquals("deleted", since.summary().get("trajectory/" + trajectory));
        assertTrue(since.summary().entrySet().stream().filter(e -> !e.getKey().startsWith("mandate/"))
                .allMatch(e -> e.getValue().equals("deleted")), since.summary().toString());
        assertTrue(since.summary().keySet().stream().anyMatch(k -> k.startsWith("mandate/")),
                "the changed mandate itself, which the cluster still sees");
        Map<String, Object> line = since.lines().stream().filter(l -> trajectory.equals(l.get("resourceId")))
                .findFirst().orElseThrow();
        assertNull(line.get("record"));
    }

    @Test
    void aRetriedRequestWithTheSameKeyMakesOneExport() {
        String key = UUID.randomUUID().toString();
        String first = as(ocmw, "coach").header("Idempotency-Key", key).post("/exports?since=5").then()
                .statusCode(202).extract().path("id");
        as(ocmw, "coach").header("Idempotency-Key", key).post("/exports?since=5").then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(ocmw, "coach").header("Idempotency-Key", key).post("/exports?since=6").then().statusCode(422)
                .body("code", equalTo("idempotency-key-reused"));
        assertEquals(1, data.count("select count(*) from export_job where organisation_id = ?1", ocmw));
    }

    @Test
    void anExportIsItsUsersAloneAndReadableOnceFinished() {
        UUID id = UUID.randomUUID();
        data.execute("insert into export_job (id, organisation_id, subject, roles, since, submitted_at) "
                + "values (?1, ?2, ?3, 'coach', 0, now())", id, ocmw, "test-user@" + ocmw);
        as(ocmw, "coach").get("/exports/" + id).then().statusCode(200).body("status", equalTo("QUEUED"));
        as(ocmw, "coach").get("/exports/" + id + "/content").then().statusCode(409)
                .body("code", equalTo("export-not-ready"));
        data.execute("update export_job set subject = 'someone-else' where id = ?1", id);
        as(ocmw, "coach").get("/exports/" + id).then().statusCode(404);
        data.execute("delete from export_job where id = ?1", id);
    }

    @Test
    void anIdempotencyKeyOfAnExportBelongsToTheUserWhoSentIt() {
        String first = as(ocmw, "coach").header("Idempotency-Key", "export-1").post("/exports?since=0").then()
                .statusCode(202).extract().path("id");
        assertEquals(first, as(ocmw, "coach").header("Idempotency-Key", "export-1").post("/exports?since=0").then()
                .statusCode(202).header("Idempotent-Replayed", "true").extract().path("id"));
        String colleague = Tokens.with(ocmw, c -> c.subject("colleague@" + ocmw), "coach");
        String second = plain().header("Authorization", "Bearer " + colleague).header("Idempotency-Key", "export-1")
                .post("/exports?since=0").then().statusCode(202).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertNotEquals(first, second, "the colleague gets an export of their own");
        problem(plain().header("Authorization", "Bearer " + colleague).get("/exports/" + first).then(), 404,
                "not-found");
    }

    /**
     * From {@code twe.exports.one-pass-from} entries on (1,000 in the tests) an export's
     * trajectories are read in the same statement as its entries (ExportFeed, issue 31), each as
     * its GET shows it; below, they are left to the batches' reads.
     */
    @Test
    @ActivateRequestContext
    void aLargeExportReadsEveryTrajectoryWithItsEntryAsItsGetShowsIt() throws SQLException {
        List<UUID> inserted = Stream.generate(UUID::randomUUID).limit(1_000).toList();
        DatabaseOwner.insertTrajectories(ocmw, coach, inserted);
        String withInstruments = Registrations.trajectory(ocmw, ocmw, coach, "2023-01-01");
        Registrations.wes(ocmw, withInstruments, coach, "2023-02-01", "2023-02-28");
        Registrations.wes(ocmw, withInstruments, coach, "2024-03-01", "2024-03-31");
        String elsewhere = data.newOcmw("11002");
        Registrations.trajectory(elsewhere, elsewhere, data.accreditedCoach(elsewhere), "2024-01-01");

        List<ExportEntry> entries = entries(0);
        List<Long> positions = entries.stream().map(e -> e.entry().position()).toList();
        assertEquals(positions.stream().sorted().distinct().toList(), positions, "in position order, each once");
        List<ExportEntry> fedTrajectories = entries.stream()
                .filter(e -> e.entry().resourceType().equals("trajectory")).toList();
        assertEquals(1_001, fedTrajectories.size(), "the OCMW's own, no other's");
        for (ExportEntry entry : fedTrajectories) {
            assertTrue(entry.read(), entry.entry().path());
            assertNotNull(entry.trajectory(), entry.entry().path());
            UUID id = UUID.fromString(entry.entry().resourceId());
            assertEquals(mapper.toDto(trajectories.get(id)), mapper.toDto(entry.trajectory()), entry.entry().path());
        }
        ExportEntry instrumented = fedTrajectories.stream()
                .filter(e -> e.entry().resourceId().equals(withInstruments)).findFirst().orElseThrow();
        assertEquals(2, mapper.toDto(instrumented.trajectory()).getInstrumentYears().stream()
                .mapToInt(InstrumentYear::getInstrumentsStarted).sum(), "its instruments' dates came with it");
        assertTrue(entries.stream().filter(e -> !e.entry().resourceType().equals("trajectory"))
                .noneMatch(ExportEntry::read), "other records are read per batch");

        // the entries after the trajectories: a few, read per batch
        long afterTrajectories = fedTrajectories.get(fedTrajectories.size() - 1).entry().position();
        List<ExportEntry> since = entries(afterTrajectories);
        assertFalse(since.isEmpty());
        assertTrue(since.stream().noneMatch(ExportEntry::read), "a small export reads its records per batch");
    }

    /**
     * An export's transaction reads only, and its statements may last longer than a request's
     * 15 s: the one pass sorts every record before its first row comes.
     */
    @Test
    void anExportsTransactionReadsOnlyAndOutlastsARequestsStatementTimeout() {
        assertEquals("15s", QuarkusTransaction.requiringNew().call(() -> setting("statement_timeout")));
        assertEquals(List.of("on", "1h"), QuarkusTransaction.requiringNew().call(() -> {
            jobs.readOnly();
            return List.of(setting("transaction_read_only"), setting("statement_timeout"));
        }));
    }

    private String setting(String name) {
        return (String) jobs.getEntityManager().createNativeQuery("select current_setting(?1)")
                .setParameter(1, name).getSingleResult();
    }

    /** The entries of an export of everything after {@code since}, as the OCMW's coach and admin. */
    private List<ExportEntry> entries(long since) {
        callers.actAs("test-user@" + ocmw, ocmw, Set.of("coach", "admin"));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ExportEntry> entries = new ArrayList<>();
            exportFeed.entries(callers.current(), since, feed.lastPosition(), entries::add);
            return entries;
        });
    }
}
