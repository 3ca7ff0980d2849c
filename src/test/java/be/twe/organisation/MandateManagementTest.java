package be.twe.organisation;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.common.tenancy.Today;
import be.twe.support.Parallel;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.sync.service.VisibilityChanges;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Mandates as managed data (issue 19): an OCMW's admin grants a cluster a mandate and ends it,
 * VDAB's admin corrects periods; each change is audited, in both parties' change feeds, and gives
 * or takes the cluster's access to the OCMW's records with the matching visibility entries.
 */
@QuarkusTest
class MandateManagementTest {
    @Inject
    TestData data;
    @Inject
    Today today;
    @Inject
    VisibilityChanges visibility;

    String ocmw;
    String cluster;
    String trajectory;
    long start;

    @BeforeEach
    void ocmwWithATrajectory() {
        ocmw = data.newOcmw();
        cluster = data.newCluster();
        trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        start = data.feedPosition();
    }

    static Map<String, Object> period(String clusterId, Object from, Object to) {
        Map<String, Object> body = new HashMap<>();
        if (clusterId != null) {
            body.put("clusterId", clusterId);
        }
        body.put("validFrom", String.valueOf(from));
        body.put("validTo", to == null ? null : to.toString());
        return body;
    }

    ValidatableResponse grant(String caller, String role, Object from, Object to) {
        return as(caller, role).body(period(cluster, from, to)).post("/organisations/" + ocmw + "/mandates").then();
    }

    ValidatableResponse change(String caller, String role, String id, String etag, Object from, Object to) {
        return as(caller, role).header("If-Match", etag).body(period(null, from, to)).put("/mandates/" + id).then();
    }

    static String id(ValidatableResponse created) {
        return created.extract().path("id");
    }

    @Test
    void theOcmwsAdminOrVdabsGrantsAMandateAndNobodyElse() {
        ValidatableResponse created = grant(ocmw, "admin", "2020-01-01", "2020-12-31").statusCode(201)
                .body("source", equalTo("API")).header("ETag", equalTo("\"0\""));
        String granted = id(created);
        created.header("Location", equalTo(Api.BASE + "/mandates/" + granted));
        as(ocmw, "coach").get("/mandates/" + granted).then().statusCode(200).body("periodAssumed", equalTo(false))
                .body("version", equalTo(0)).body("clusterId", equalTo(cluster));
        String other = data.newOcmw();
        problem(as(other, "admin").body(period(cluster, "2022-01-01", null)).post("/organisations/" + ocmw
                + "/mandates").then(), 404, "not-found");
        problem(grant(ocmw, "coach", "2022-01-01", null), 403, "missing-role");
        problem(as(cluster, "admin").body(period(cluster, "2022-01-01", null)).post("/organisations/" + ocmw
                + "/mandates").then(), 404, "not-found");
        grant("vdab", "admin", "2022-01-01", "2022-12-31").statusCode(201);
        problem(grant("vdab", "analyst", "2023-01-01", null), 403, "missing-role");
        invalid(anonymous()).body(period(cluster, "2023-01-01", null)).post("/organisations/" + ocmw + "/mandates")
                .then().statusCode(401);
        // another OCMW may hold one (MandateHoldersTest); an organisation that does not exist may not
        problem(as(ocmw, "admin").body(period("cluster-unknown", "2023-01-01", null)).post("/organisations/" + ocmw
                + "/mandates").then(), 422, "unknown-cluster", "No organisation 'cluster-unknown' that can guide for "
                + ocmw + ": a cluster, VDAB or another OCMW that exists today.",
                "/organisations/" + ocmw + "/mandates");
        problem(grant(ocmw, "admin", "2023-01-01", "2022-12-31"), 422, "mandate-end-before-start",
                "validTo 2022-12-31 is before validFrom 2023-01-01.", "/organisations/" + ocmw + "/mandates");
    }

    @Test
    void aMandateIsReadByItsTwoPartiesAndVdabOnly() {
        String id = id(grant(ocmw, "admin", "2020-01-01", null).statusCode(201));
        for (String reader : List.of(ocmw, cluster, "vdab")) {
            as(reader, "coach").get("/mandates/" + id).then().statusCode(200).header("ETag", equalTo("\"0\""));
        }
        problem(as(data.newCluster(), "coach").get("/mandates/" + id).then(), 404, "not-found");
        problem(as(data.newOcmw(), "coach").get("/mandates/" + id).then(), 404, "not-found");
        invalid(anonymous()).get("/mandates/" + id).then().statusCode(401);
    }

    @Test
    void theOcmwEndsAMandateVdabCorrectsItsStartAndTheClusterChangesNothing() {
        String id = id(grant(ocmw, "admin", "2020-01-01", null).statusCode(201));
        problem(change(cluster, "admin", id, "\"0\"", "2020-01-01", "2020-06-30"), 403, "mandate-by-ocmw",
                "Only the OCMW that gave this mandate, or VDAB, changes it.", "/mandates/" + id);
        problem(change(data.newOcmw(), "admin", id, "\"0\"", "2020-01-01", "2020-06-30"), 404, "not-found");
        problem(change(ocmw, "admin", id, "\"0\"", "2019-01-01", null), 422, "mandate-start-by-vdab",
                "An OCMW ends a mandate (validTo) and keeps its start 2020-01-01; VDAB corrects a start.",
                "/mandates/" + id);
        problem(change(ocmw, "coach", id, "\"0\"", "2020-01-01", "2020-06-30"), 403, "missing-role");
        change(ocmw, "admin", id, "\"0\"", "2020-01-01", "2020-06-30").statusCode(200)
                .body("validTo", equalTo("2020-06-30")).header("ETag", equalTo("\"1\""));
        problem(change(ocmw, "admin", id, "\"0\"", "2020-01-01", "2020-05-31"), 412, "precondition-failed");
        problem(invalid(as(ocmw, "admin")).body(period(null, "2020-01-01", null)).put("/mandates/" + id).then(), 428,
                "precondition-required");
        change("vdab", "admin", id, "\"1\"", "2019-03-01", "2020-06-30").statusCode(200)
                .body("validFrom", equalTo("2019-03-01")).body("periodAssumed", equalTo(false));
        as(ocmw, "admin").get("/organisations/" + ocmw + "/audit-events").then().statusCode(200)
                .body("items.findAll { it.entityType == 'mandate' }.action", equalTo(List.of("update", "update",
                        "create")));
        as(cluster, "admin").get("/organisations/" + cluster + "/audit-events").then().statusCode(200)
                .body("items.findAll { it.entityType == 'mandate' }.action", equalTo(List.of("update", "update",
                        "create")));
    }

    @Test
    void aMandateGivesAccessFromItsStartAndTakesItAfterItsEndWithFeedEntries() {
        LocalDate now = today.date();
        problem(as(cluster, "coach").get("/trajectories/" + trajectory).then(), 404, "not-found");
        String id = id(grant(ocmw, "admin", now.minusDays(10), null).statusCode(201));
        as(cluster, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
        as(cluster, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.kind == 'VISIBILITY_GAINED' }.resourceId", hasItem(trajectory))
                .body("items.findAll { it.resourceType == 'mandate' }.kind", equalTo(List.of("CREATED")));
        as(ocmw, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.resourceType == 'mandate' }.path", equalTo(List.of("/mandates/" + id)))
                .body("items.findAll { it.kind == 'VISIBILITY_GAINED' }", empty());

        change(ocmw, "admin", id, "\"0\"", now.minusDays(10), now.minusDays(1)).statusCode(200);
        problem(as(cluster, "coach").get("/trajectories/" + trajectory).then(), 404, "not-found");
        as(cluster, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.kind == 'VISIBILITY_LOST' }.resourceId", hasItem(trajectory))
                .body("items.findAll { it.resourceType == 'mandate' }.kind", equalTo(List.of("CREATED", "UPDATED")));
    }

    @Test
    void aMandateFromTomorrowGivesAccessWhenTomorrowComes() {
        LocalDate tomorrow = today.date().plusDays(1);
        grant(ocmw, "admin", tomorrow, null).statusCode(201);
        problem(as(cluster, "coach").get("/trajectories/" + trajectory).then(), 404, "not-found");
        as(cluster, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.kind == 'VISIBILITY_GAINED' }", empty());
        visibility.record(tomorrow); // the daily job, on that day
        as(cluster, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body("items.findAll { it.kind == 'VISIBILITY_GAINED' }.resourceId", hasItems(trajectory));
    }

    @Test
    void overlappingMandatesOfOnePairAreRefusedByTheDatabaseAlsoInParallel() throws Exception {
        grant(ocmw, "admin", "2020-01-01", "2020-12-31").statusCode(201);
        problem(grant(ocmw, "admin", "2020-12-31", null), 409, "mandate-overlap",
                "This cluster already has a mandate of this OCMW for part of that period.",
                "/organisations/" + ocmw + "/mandates");
        List<Integer> statuses = Parallel.statuses(6, i -> as(ocmw, "admin")
                .body(period(cluster, LocalDate.of(2021, 1, 1).plusDays(i), null))
                .post("/organisations/" + ocmw + "/mandates").then().extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 409), statuses.toString());
        grant(ocmw, "admin", "2019-01-01", "2019-12-31").statusCode(201); // adjacent periods are fine
    }

    @Test
    void aPublishedMandatesAssumedPeriodCorrectedByVdabMovesTheClustersFigures() {
        data.execute("insert into mandate (cluster_id, ocmw_id, valid_from, source, period_assumed) "
                + "values (?1, ?2, date '2021-03-01', 'PUBLICATION_2021', true)", cluster, ocmw);
        UUID coach = data.accreditedCoach(ocmw);
        Registrations.trajectory(ocmw, ocmw, coach, "2018-05-01");
        String id = as(cluster, "coach").get("/organisations/" + cluster + "/mandates").then().statusCode(200)
                .body("items.source", equalTo(List.of("PUBLICATION_2021"))).body("items.periodAssumed",
                        equalTo(List.of(true))).extract().path("items[0].id");
        String years = "/statistics/starts?groupBy=year&clusterId=" + cluster;
        as("vdab", "analyst").get(years).then().statusCode(200).body("rows.year", equalTo(List.of(2024)));
        change("vdab", "admin", id, "\"0\"", "2017-01-01", null).statusCode(200)
                .body("periodAssumed", equalTo(false)).body("source", equalTo("PUBLICATION_2021"));
        as("vdab", "analyst").get(years).then().statusCode(200).body("rows.year", containsInAnyOrder(2018, 2024));
    }
}
