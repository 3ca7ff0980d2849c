package be.twe.common.privacy;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferReason;
import be.twe.common.tenancy.CallerContext;
import be.twe.support.Api;
import be.twe.support.Jobs;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.trajectory.service.TrajectoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Who read a client's file (issue 21): recorded per read, readable by the OCMW's admin and VDAB. */
@QuarkusTest
class AccessLogTest {
    @Inject
    TestData data;
    @Inject
    AccessLogWriter writer;
    @Inject
    CallerContext callers;
    @Inject
    AccessLog accessLog;
    @Inject
    TrajectoryService trajectories;

    String ocmw;
    String cluster;
    String trajectory;
    String instrument;

    @BeforeEach
    void aTrajectoryOfAnOcmwWithAMandatedCluster() {
        ocmw = data.newOcmw();
        cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        UUID coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        writer.flush();
    }

    JsonPath log(String caller) {
        return as(caller, "admin").get("/trajectories/" + trajectory + "/access-log").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aClustersReadIsInTheLogOfTheOcmwAndOfVdabAndNoOneElseReadsIt() {
        as(cluster, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
        as(cluster, "coach").get("/trajectories/" + trajectory + "/instruments").then().statusCode(200);
        as(cluster, "coach").get("/trajectories/" + trajectory + "/instruments/" + instrument).then().statusCode(200);
        writer.flush();

        for (String reader : List.of(ocmw, "vdab")) {
            JsonPath page = log(reader);
            List<Map<String, Object>> byCluster = page.<Map<String, Object>>getList("items").stream()
                    .filter(e -> cluster.equals(e.get("organisationId"))).toList();
            assertEquals(List.of("getInstrument", "listInstruments", "getTrajectory"),
                    byCluster.stream().map(e -> e.get("operation")).toList(), reader + ": newest first");
            assertEquals(trajectory, byCluster.get(2).get("resourceId"));
            assertEquals("trajectory", byCluster.get(2).get("resourceType"));
            assertEquals(instrument, byCluster.get(0).get("resourceId"));
            assertEquals(List.of("coach"), byCluster.get(0).get("roles"));
            assertTrue(((String) byCluster.get(0).get("subject")).length() > 0);
        }
        problem(as(data.newOcmw(), "admin").get("/trajectories/" + trajectory + "/access-log").then(), 404,
                "not-found");
        problem(as(cluster, "admin").get("/trajectories/" + trajectory + "/access-log").then(), 404, "not-found");
        problem(as(ocmw, "coach").get("/trajectories/" + trajectory + "/access-log").then(), 403, "missing-role");
        problem(invalid(anonymous()).get("/trajectories/" + trajectory + "/access-log").then(), 401,
                "unauthenticated");
    }

    @Test
    void readsOfDocumentsAndTransfersAndExportsAreInTheLog() {
        String document = Registrations.document(ocmw, trajectory, "POP");
        String transfer = as(ocmw, "coach")
                .body(json(Requests.transfer(TransferReason.LONG_TRAINING, TransferChannel.VEO, "2024-06-30")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.LONG_TRAINING, "Opleiding via VeO."))))
                .post("/trajectories/" + trajectory + "/transfers").then()
                .statusCode(201).extract().path("id");
        String documentPath = "/trajectories/" + trajectory + "/documents/" + document;
        as(cluster, "coach").get("/trajectories/" + trajectory + "/documents").then().statusCode(200);
        as(cluster, "coach").get(documentPath).then().statusCode(200);
        as(cluster, "coach").get(documentPath + "/versions/1").then().statusCode(200);
        as(cluster, "coach").get(documentPath + "/versions/1/content").then().statusCode(200);
        as(cluster, "coach").get("/trajectories/" + trajectory + "/transfers").then().statusCode(200);
        as(cluster, "coach").get("/transfers/" + transfer).then().statusCode(200);
        as("vdab", "spoc").get("/transfers?ocmwId=" + ocmw).then().statusCode(200);
        String export = as(cluster, "coach").post("/exports?since=0").then().statusCode(202)
                .extract().path("id");
        assertEquals("FINISHED", Jobs.await(cluster, "/exports/" + export, Duration.ofSeconds(60))
                .getString("status"));
        writer.flush();

        List<Map<String, Object>> entries = as(ocmw, "admin").queryParam("limit", 100)
                .get("/trajectories/" + trajectory + "/access-log").then().statusCode(200).extract().jsonPath()
                .getList("items");
        Set<String> byCluster = entries.stream().filter(e -> cluster.equals(e.get("organisationId")))
                .map(e -> e.get("operation") + " " + e.get("resourceType") + " " + e.get("resourceId"))
                .collect(Collectors.toSet());
        String version = data.rows("select cast(id as text), number from document_version "
                + "where document_id = cast(?1 as uuid)", document).get(0).split("\\|")[0];
        assertEquals(Set.of("listDocuments document " + document, "getDocument document " + document,
                "getDocumentVersion document-version " + version, "downloadDocumentVersion document-version " + version,
                "listTrajectoryTransfers transfer " + transfer, "getTransfer transfer " + transfer,
                "createExport trajectory " + trajectory, "createExport instrument " + instrument,
                "createExport document " + document, "createExport document-version " + version,
                "createExport transfer " + transfer), byCluster);
        assertTrue(entries.stream().anyMatch(e -> "vdab".equals(e.get("organisationId"))
                && "listTransfers".equals(e.get("operation")) && transfer.equals(e.get("resourceId"))), entries::toString);
    }

    /**
     * A read of many records is one row (V33; a page of 50 wrote 50 rows), and each record is still
     * an entry of its own: its own id, paged one by one without a gap or a repeat.
     */
    @Test
    void aReadOfManyRecordsIsOneRowAndEachRecordAnEntryOfItsOwn() {
        List<String> documents = List.of(Registrations.document(ocmw, trajectory, "POP"),
                Registrations.document(ocmw, trajectory, "POP"), Registrations.document(ocmw, trajectory, "POP"));
        UUID coach = data.accreditedCoach(ocmw);
        String other = Registrations.trajectory(ocmw, ocmw, coach, "2024-03-01");
        writer.flush();
        as(cluster, "coach").get("/trajectories/" + trajectory + "/documents").then().statusCode(200);
        as(cluster, "coach").queryParam("ocmwId", ocmw).get("/trajectories").then().statusCode(200);
        writer.flush();

        assertEquals(2, data.count("select count(*) from access_log where organisation_id = ?1", cluster),
                "one row for the documents' list and one for the trajectories' page");
        List<Map<String, Object>> seen = Api.allPages(() -> as(ocmw, "admin"),
                "/trajectories/" + trajectory + "/access-log?limit=1", "");
        List<Map<String, Object>> byCluster = seen.stream().filter(e -> cluster.equals(e.get("organisationId")))
                .toList();
        assertEquals(Set.of("listDocuments document " + documents.get(0), "listDocuments document "
                        + documents.get(1), "listDocuments document " + documents.get(2),
                "listTrajectories trajectory " + trajectory), byCluster.stream()
                .map(e -> e.get("operation") + " " + e.get("resourceType") + " " + e.get("resourceId"))
                .collect(Collectors.toSet()));
        assertEquals(4, byCluster.size(), "no entry twice");
        assertEquals(seen.size(), seen.stream().map(e -> e.get("id")).distinct().count(), "each its own id");
        assertEquals("listTrajectories", byCluster.get(0).get("operation"), "newest first");
        as(ocmw, "admin").get("/trajectories/" + other + "/access-log").then().statusCode(200)
                .body("items.findAll { it.organisationId == '" + cluster + "' }.resourceId", equalTo(List.of(other)));
    }

    @Test
    void readingTheLogIsNotARead() {
        log(ocmw);
        writer.flush();
        as(ocmw, "admin").get("/trajectories/" + trajectory + "/access-log").then().statusCode(200)
                .body("items.operation", not(hasItem("listTrajectoryAccessLog")));
    }

    @Test
    void listsRecordEveryTrajectoryOfThePage() {
        as(ocmw, "coach").get("/trajectories?ocmwId=" + ocmw).then().statusCode(200)
                .body("items.id", hasItem(trajectory));
        writer.flush();
        as(ocmw, "admin").get("/trajectories/" + trajectory + "/access-log").then().statusCode(200)
                .body("items[0].operation", equalTo("listTrajectories"))
                .body("items[0].organisationId", equalTo(ocmw));
    }

    /** The entry is written on a connection of its own, not in the read's transaction. */
    @Test
    @ActivateRequestContext
    void aReadWhoseTransactionRollsBackIsStillRecorded() {
        callers.actAs("reader-rolled-back", ocmw, Set.of("coach"));
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            // what the resource does (the HTTP tests above go through it): read, then record
            UUID id = trajectories.get(UUID.fromString(trajectory)).trajectory().id;
            accessLog.read("getTrajectory", new AccessLog.Read(ocmw, id, "trajectory", id.toString()));
            throw new IllegalStateException("the read's transaction rolls back");
        }));
        writer.flush();
        assertEquals(1, data.count("select count(*) from access_log where trajectory_ids @> array[cast(?1 as uuid)] "
                + "and subject = 'reader-rolled-back' and operation = 'getTrajectory'", trajectory));
    }

    @Test
    void theApplicationsDatabaseRoleCannotChangeOrRemoveTheLog() {
        as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
        writer.flush();
        long before = data.count("select count(*) from access_log where trajectory_ids @> array[cast(?1 as uuid)]", trajectory);
        assertTrue(before > 0);
        for (String change : List.of("update access_log set subject = 'someone else' where trajectory_ids @> array[cast(?1 as uuid)]",
                "delete from access_log where trajectory_ids @> array[cast(?1 as uuid)]")) {
            assertThrows(RuntimeException.class, () -> data.execute(change, trajectory), change);
        }
        assertThrows(RuntimeException.class, () -> data.execute("truncate access_log"));
        assertEquals(before, data.count("select count(*) from access_log where trajectory_ids @> array[cast(?1 as uuid)]",
                trajectory));
    }
}
