package be.twe.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.support.AppInstance;
import be.twe.support.Imports;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import be.twe.support.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two instances of the production artifact on one PostgreSQL (issue 18): a bulk import whose
 * lines depend on the lines before them runs in file order on one instance at a time while the
 * other resumes unfinished jobs every second; an export of those records is made once, by one
 * instance; and SIGTERM lets an upload in flight complete.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the export writes out what the import made
class TwoInstancesIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String OCMW = "ocmw-44021";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static EmbeddedPostgres postgres;
    static AppInstance first;
    static AppInstance second;
    static UUID coach = UUID.randomUUID();

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        Map<String, String> settings = Map.of("TWE_JOBS_RESUME_EVERY", "1s");
        first = AppInstance.start(url, settings); // migrates the schema
        second = AppInstance.start(url, settings);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement coachRow = c.prepareStatement("insert into coach (id, organisation_id, name, trained_on) "
                     + "values (?, ?, 'Coach', date '2017-01-01')");
             PreparedStatement agreement = c.prepareStatement(
                     "insert into partner_agreement (organisation_id, signed_on) values (?, date '2017-01-01')")) {
            coachRow.setObject(1, coach);
            coachRow.setString(2, OCMW);
            coachRow.executeUpdate();
            agreement.setString(1, OCMW);
            agreement.executeUpdate();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {first, second, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /** ADR 0033: as a role that could see past row-level security, the API does not start. */
    @Test
    @Order(0)
    void anInstanceRefusesToStartAsARoleThatBypassesRowLevelSecurity() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> AppInstance.start(
                postgres.getJdbcUrl("postgres", "postgres"),
                Map.of("QUARKUS_DATASOURCE_USERNAME", "postgres", "QUARKUS_DATASOURCE_PASSWORD", "postgres")));
        assertTrue(refused.getMessage().contains("The database role postgres is a superuser"), refused.getMessage());
    }

    @Test
    @Order(1)
    void anImportRunsInFileOrderWhileAnotherInstanceResumesJobs() throws Exception {
        List<String> lines = new ArrayList<>();
        int pairs = 1_500;
        for (int i = 0; i < pairs; i++) { // each instrument line needs the trajectory of the line before it
            lines.add(Imports.line("createOrUpdateTrajectoryByReference", Map.of("externalReference", "imp-" + i),
                    Map.of("ocmwId", OCMW, "clientInsz", TestData.newInsz(), "startDate", "2024-01-01",
                            "coachId", coach.toString())));
            lines.add(Imports.line("createInstrument", Map.of("trajectoryReference", "imp-" + i),
                    Map.of("type", "WES", "employer", "Bakkerij Peeters", "startDate", "2024-02-01",
                            "plannedEndDate", "2024-02-29", "coachId", coach.toString())));
        }
        Instant started = Instant.now();
        HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(first.url("/imports")))
                .header("Content-Type", Imports.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n")));
        assertEquals(202, submitted.statusCode(), submitted.body());
        JsonNode job = awaitFinished(second, "/imports/" + JSON.readTree(submitted.body()).path("id").asText());
        System.out.printf("Two instances: %d import lines in %d s, %s succeeded, %s failed%n", lines.size(),
                Duration.between(started, Instant.now()).toSeconds(), job.path("succeeded"), job.path("failed"));
        assertEquals("FINISHED", job.path("status").asText(), job.toString());
        assertEquals(0, job.path("failed").asInt(), job.toString());
        assertEquals(2 * pairs, job.path("succeeded").asInt());
    }

    @Test
    @Order(2)
    void exportsAreMadeOnceEachWhileAnotherInstanceResumesJobs() throws Exception {
        List<String> exports = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // the first instance makes them one after another, the second resumes them
            HttpResponse<String> submitted = send(HttpRequest.newBuilder(URI.create(first.url("/exports")))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(202, submitted.statusCode(), submitted.body());
            exports.add("/exports/" + JSON.readTree(submitted.body()).path("id").asText());
        }
        Map<String, JsonNode> finished = new HashMap<>();
        for (String export : exports) {
            JsonNode job = awaitFinished(second, export);
            assertEquals("FINISHED", job.path("status").asText(), job.toString());
            finished.put(export, job);
        }
        Thread.sleep(3_000); // three more resumes on each instance
        for (String export : exports) {
            JsonNode job = JSON.readTree(send(HttpRequest.newBuilder(URI.create(first.url(export)))).body());
            assertEquals(finished.get(export), job, "a finished export was made again");
            List<String> lines = send(HttpRequest.newBuilder(URI.create(first.url(export + "/content")))).body()
                    .lines().toList();
            Set<String> records = new HashSet<>();
            for (String line : lines) {
                JsonNode record = JSON.readTree(line);
                assertTrue(records.add(record.path("resourceType").asText() + "/"
                        + record.path("resourceId").asText()), "a record twice: " + line);
            }
            assertEquals(job.path("records").asInt() + job.path("deletions").asInt(), lines.size());
            assertTrue(lines.size() >= 3_000, "the import's trajectories and instruments: " + lines.size());
        }
    }

    @Test
    @Order(3)
    void sigtermLetsAnUploadInFlightComplete() throws Exception {
        HttpResponse<String> trajectory = send(HttpRequest.newBuilder(URI.create(first.url("/trajectories")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON
                        .writeValueAsString(Map.of("ocmwId", OCMW, "clientInsz", TestData.newInsz(),
                                "startDate", "2024-01-01", "coachId", coach.toString())))));
        assertEquals(201, trajectory.statusCode(), trajectory.body());
        String documents = "/trajectories/" + JSON.readTree(trajectory.body()).path("id").asText()
                + "/documents?kind=POP&title=Plan&fileName=plan.pdf";
        AppInstance stopping = AppInstance.start(postgres.getJdbcUrl("postgres", "postgres"), Map.of());
        byte[] file = TestFiles.pdf(3_000_000);
        CompletableFuture<HttpResponse<String>> upload = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(
                        stopping.url(documents))).header("Authorization", "Bearer " + Tokens.token(OCMW, "coach"))
                .header("Content-Type", TestFiles.PDF).POST(slowly(file, Duration.ofSeconds(3))).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1_000); // a third of the file has arrived
        stopping.stop(Duration.ofSeconds(40)); // a JVM ended by SIGTERM exits with 143 however cleanly
        HttpResponse<String> answer = upload.get();
        assertEquals(201, answer.statusCode(), answer.body() + "\n" + stopping.log());
        assertEquals(TestFiles.sha256(file), JSON.readTree(answer.body()).path("versions").path(0).path("sha256")
                .asText());
        assertTrue(stopping.log().contains("stopped in"), "Quarkus shut down in order:\n" + stopping.log());
    }

    /** The body in 30 parts spread over {@code time}. */
    private static HttpRequest.BodyPublisher slowly(byte[] body, Duration time) {
        int parts = 30;
        List<byte[]> chunks = new ArrayList<>();
        int size = body.length / parts + 1;
        for (int at = 0; at < body.length; at += size) {
            chunks.add(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + size)));
        }
        return HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
            java.util.concurrent.SubmissionPublisher<java.nio.ByteBuffer> publisher =
                    new java.util.concurrent.SubmissionPublisher<>();
            publisher.subscribe(subscriber);
            new Thread(() -> {
                for (byte[] chunk : chunks) {
                    publisher.submit(java.nio.ByteBuffer.wrap(chunk));
                    try {
                        Thread.sleep(time.toMillis() / parts);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                publisher.close();
            }).start();
        }, body.length);
    }

    /** Polls the job on {@code instance} until it is no longer queued or running (10 minutes at most). */
    private static JsonNode awaitFinished(AppInstance instance, String path) throws Exception {
        Instant started = Instant.now();
        JsonNode job = null;
        while (Duration.between(started, Instant.now()).toMinutes() < 10) {
            job = JSON.readTree(send(HttpRequest.newBuilder(URI.create(instance.url(path)))).body());
            if (!List.of("QUEUED", "RUNNING").contains(job.path("status").asText())) {
                break;
            }
            Thread.sleep(500);
        }
        return job;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Bearer " + Tokens.token(OCMW, "coach")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
