package be.twe.privacy;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.ClientAccessRequest;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferReason;
import be.twe.common.privacy.AccessLogWriter;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A client's right of access (issue 21): everything of one INSZ in the OCMW, with who read it. */
@QuarkusTest
class ClientAccessReportTest {
    @Inject
    TestData data;
    @Inject
    AccessLogWriter writer;

    String ocmw;
    String cluster;
    String insz;
    String first;
    String second;
    String instrument;
    String document;
    String transfer;

    /** Two files of one client in an OCMW (one ended, one open), and the same client in another OCMW. */
    @BeforeEach
    void aClientWithTwoFiles() {
        ocmw = data.newOcmw();
        cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        UUID coach = data.accreditedCoach(ocmw);
        insz = TestData.newInsz();
        first = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2022-01-01").clientInsz(insz)))
                .post("/trajectories").then().statusCode(201).extract().path("id");
        instrument = Registrations.wes(ocmw, first, coach, "2022-02-01", "2022-04-30");
        document = Registrations.document(ocmw, first, "POP");
        transfer = as(ocmw, "coach")
                .body(json(Requests.transfer(TransferReason.LONG_TRAINING, TransferChannel.VEO, "2023-06-30")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.LONG_TRAINING, "Opleiding."))))
                .post("/trajectories/" + first + "/transfers").then().statusCode(201).extract().path("id");
        second = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-09-01").clientInsz(insz)))
                .post("/trajectories").then().statusCode(201).extract().path("id");
        String other = data.newOcmw();
        UUID otherCoach = data.accreditedCoach(other);
        as(other, "coach").body(json(Requests.trajectory(other, otherCoach, "2024-01-01"))).post("/trajectories")
                .then().statusCode(201);
        as(cluster, "coach").get("/trajectories/" + first).then().statusCode(200);
    }

    JsonPath report(String caller) {
        return as(caller, "admin").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then()
                .statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
    }

    @Test
    void everyFileOfTheClientWithWhatItHoldsAndWhoReadIt() {
        JsonPath report = report(ocmw);
        assertEquals(insz, report.get("clientInsz"));
        assertEquals(ocmw, report.get("ocmwId"));
        assertEquals(List.of(first, second), report.getList("files.trajectory.id"), "oldest first");
        assertEquals(List.of(instrument), report.getList("files[0].instruments.id"));
        assertEquals(List.of(document), report.getList("files[0].documents.id"));
        assertEquals(List.of(transfer), report.getList("files[0].transfers.id"));
        assertEquals(List.of(), report.getList("files[1].instruments"));
        List<Map<String, Object>> readers = report.getList("files[0].accessLog");
        assertTrue(readers.stream().anyMatch(e -> cluster.equals(e.get("organisationId"))
                && "getTrajectory".equals(e.get("operation"))), "the cluster's read of the last second: " + readers);
    }

    @Test
    void producingTheReportIsItselfRecorded() {
        report(ocmw);
        writer.flush();
        for (String trajectory : List.of(first, second)) {
            as(ocmw, "admin").get("/trajectories/" + trajectory + "/access-log").then().statusCode(200)
                    .body("items.operation", hasItem("createClientAccessReport"));
        }
        assertTrue(report(ocmw).getList("files[1].accessLog.operation").contains("createClientAccessReport"),
                "the next report shows the one before");
    }

    @Test
    void onlyTheOcmwsAdminAsksAndOnlyForItsOwnClients() {
        problem(as(data.newOcmw(), "admin").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(),
                404, "not-found");
        String ocmwOnly = "Only an OCMW, the controller of its clients' files, reports on a client.";
        problem(as(cluster, "admin").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(), 403, "ocmw-only", ocmwOnly, "/client-access-reports");
        problem(as("vdab", "admin").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(), 403, "ocmw-only", ocmwOnly, "/client-access-reports");
        problem(as(ocmw, "coach").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(), 403,
                "missing-role");
        problem(invalid(anonymous()).body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(), 401,
                "unauthenticated");
    }

    @Test
    void aWrongInszIsRefusedWithTheFieldAtFault() {
        String wrong = insz.substring(0, 10) + (insz.endsWith("9") ? "0" : "9");
        problem(as(ocmw, "admin").body(json(new ClientAccessRequest().clientInsz(wrong)))
                .post("/client-access-reports").then(), 400,
                "invalid-input").body("issues.name", hasItem("clientInsz"));
        problem(invalid(as(ocmw, "admin")).body(Map.of("clientInsz", insz, "name", "x"))
                .post("/client-access-reports").then(), 400, "invalid-input");
    }

    /** The OCMW a merged one became keeps its files, so it reports on them (GDPR art. 15). */
    @Test
    void theSuccessorOfAMergedOcmwReportsOnThePredecessorsFiles() {
        String successor = data.newOcmw("11002");
        String predecessor = data.newMergedOcmw(successor, LocalDate.of(2024, 12, 31));
        UUID coach = data.accreditedCoach(successor);
        String client = TestData.newInsz();
        String old = as(successor, "coach").body(json(Requests.trajectory(predecessor, coach, "2023-05-01")
                .clientInsz(client))).post("/trajectories").then().statusCode(201)
                .extract().path("id");
        JsonPath report = as(successor, "admin").body(json(new ClientAccessRequest().clientInsz(client)))
                .post("/client-access-reports")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(old), report.getList("files.trajectory.id"));
        assertEquals(predecessor, report.get("files[0].trajectory.ocmwId"));
    }
}
