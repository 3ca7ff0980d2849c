package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import be.twe.api.model.InstrumentOutcome;
import be.twe.examples.sync.SyncClient;
import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import be.twe.sync.service.VisibilityChanges;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The example client of examples/sync-client, generated from the contract, mirrors an organisation. */
@QuarkusTest
class SyncClientTest {
    @Inject
    TestData data;
    @Inject
    VisibilityChanges visibility;
    @TestHTTPResource("/")
    URL base;
    @TempDir
    Path folder;

    final ObjectMapper json = new ObjectMapper();
    String ocmw;
    UUID coach;

    @BeforeEach
    void ocmwWithCoach() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    SyncClient client(String organisation, Path mirror) {
        return new SyncClient(base.toString().replaceFirst("/$", "") + Api.BASE, Tokens.token(organisation, "coach", "admin"),
                mirror);
    }

    String trajectory(String organisation, UUID coachId) {
        return Registrations.trajectory(organisation, ocmw, coachId, "2024-01-01");
    }

    JsonNode records(Path mirror) throws Exception {
        return json.readTree(mirror.toFile()).get("records");
    }

    /** Every mirrored record has the id and version that the API gives now. */
    void matchesTheApi(String organisation, JsonNode records) {
        for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> record = it.next();
            Map<String, Object> current = as(organisation, "coach", "admin").get(record.getKey()).then()
                    .statusCode(200).extract().path("$");
            for (String field : new String[] {"id", "version", "number", "organisationId"}) {
                if (current.containsKey(field)) {
                    assertEquals(String.valueOf(current.get(field)), record.getValue().path(field).asText(),
                            record.getKey() + " " + field);
                }
            }
        }
    }

    @Test
    void theGeneratedClientChangesOneFieldWithAMergePatch() throws Exception {
        String trajectory = trajectory(ocmw, coach);
        be.twe.client.ApiClient api = new be.twe.client.ApiClient();
        api.updateBaseUri(base.toString().replaceFirst("/$", "") + Api.BASE);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Tokens.token(ocmw, "coach")));
        be.twe.client.model.Trajectory changed = new be.twe.client.api.TrajectoriesApi(api)
                .patchTrajectory(UUID.fromString(trajectory), "\"0\"", Map.of("externalReference", "case-7"));
        assertEquals("case-7", changed.getExternalReference());
        assertEquals(coach, changed.getCoachId());
        assertEquals(1L, changed.getVersion());
    }

    @Test
    void theGeneratedClientReadsCsvAndSpreadsheetsThroughTypedOperations() throws Exception {
        trajectory(ocmw, coach);
        be.twe.client.ApiClient api = new be.twe.client.ApiClient();
        api.updateBaseUri(base.toString().replaceFirst("/$", "") + Api.BASE);
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Tokens.token(ocmw, "coach")));
        be.twe.client.api.StatisticsApi statistics = new be.twe.client.api.StatisticsApi(api);
        String csv = java.nio.file.Files.readString(statistics.getStatisticsCsv(
                be.twe.client.model.StatisticsFigure.STARTS, List.of("year"), null, null, null, null, null, null, null)
                .toPath());
        assertTrue(csv.startsWith("year,trajectories,"), csv);
        assertTrue(csv.contains("\n2024,1,"), csv);
        java.io.File xlsx = statistics.getStatisticsSpreadsheet(be.twe.client.model.StatisticsFigure.STARTS,
                List.of("year"), null, null, null, null, null, null, null);
        assertEquals(List.of("figures", "about"), List.copyOf(be.twe.support.Spreadsheets
                .read(java.nio.file.Files.readAllBytes(xlsx.toPath())).keySet()));
    }

    @Test
    void mirrorsAnOrganisationAndStaysInSyncAfterFurtherWrites() throws Exception {
        String first = trajectory(ocmw, coach);
        String instrument = Registrations.wes(ocmw, first, coach, "2024-02-01", "2024-04-30");
        String document = Registrations.document(ocmw, first, "POP");
        Path mirror = folder.resolve("mirror.json");

        assertTrue(client(ocmw, mirror).sync() > 0);
        JsonNode records = records(mirror);
        Set<String> paths = new HashSet<>();
        records.fieldNames().forEachRemaining(paths::add);
        String instrumentPath = "/trajectories/" + first + "/instruments/" + instrument;
        assertTrue(paths.containsAll(Set.of("/trajectories/" + first, instrumentPath,
                "/trajectories/" + first + "/documents/" + document,
                "/trajectories/" + first + "/documents/" + document + "/versions/1",
                "/organisations/" + ocmw + "/coaches/" + coach)), paths.toString());
        matchesTheApi(ocmw, records);

        // further writes: a change, an end and a new trajectory
        as(ocmw, "coach").header("If-Match", "\"0\"").body(Bodies.replacing(Map.of("coachId", coach.toString(),
                "externalReference", "K-9"), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + first).then().statusCode(200);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-04-30", InstrumentOutcome.COMPLETED)))
                .post(instrumentPath + "/end").then().statusCode(200);
        String second = trajectory(ocmw, coach);
        long before = json.readTree(mirror.toFile()).get("position").asLong();

        assertTrue(client(ocmw, mirror).sync() >= 3);
        records = records(mirror);
        assertTrue(json.readTree(mirror.toFile()).get("position").asLong() > before);
        assertEquals("K-9", records.get("/trajectories/" + first).get("externalReference").asText());
        assertEquals("2024-04-30", records.get(instrumentPath).get("endDate").asText());
        assertTrue(records.has("/trajectories/" + second));
        matchesTheApi(ocmw, records);
        assertEquals(0, client(ocmw, mirror).sync(), "nothing new");
    }

    @Test
    void aClusterDropsAnOcmwsRecordsWhenItsMandateEnds() throws Exception {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.of(1995, 1, 1), null);
        String trajectory = trajectory(cluster, data.accreditedCoach(cluster));
        Path mirror = folder.resolve("cluster.json");
        client(cluster, mirror).sync();
        assertTrue(records(mirror).has("/trajectories/" + trajectory));

        data.execute("update mandate set valid_to = '1998-06-30' where cluster_id = ?1", cluster);
        visibility.record(LocalDate.of(1998, 7, 1));
        client(cluster, mirror).sync();
        records(mirror).fieldNames().forEachRemaining(path ->
                assertTrue(!path.startsWith("/trajectories/"), "still mirrored: " + path));
    }
}
