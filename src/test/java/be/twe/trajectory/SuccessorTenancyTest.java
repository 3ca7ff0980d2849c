package be.twe.trajectory;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.exactly;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Bodies;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * An OCMW that merged (here on 2024-12-31) keeps its history under its own id: the OCMW it
 * merged into, and a cluster under that successor's mandate, read, register and correct its
 * records dated before the merger, as themselves (not as VDAB's helpdesk); nobody else does, and
 * the predecessor's own token is told whom to ask (issue 19).
 */
@QuarkusTest
class SuccessorTenancyTest {
    static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

    @Inject
    TestData data;

    String successor;
    String predecessor;
    String cluster;
    UUID coach;
    UUID clusterCoach;

    @BeforeEach
    void organisations() {
        successor = data.newOcmw("11002");
        predecessor = data.newMergedOcmw(successor, LAST_DAY);
        coach = data.accreditedCoach(successor);
        cluster = data.newCluster();
        data.mandate(cluster, successor, LocalDate.of(2020, 1, 1), null);
        clusterCoach = data.accreditedCoach(cluster);
    }

    private ValidatableResponse create(String caller, UUID by, String ocmwId, String startDate) {
        return as(caller, "coach").body(json(Requests.trajectory(ocmwId, by, startDate))).post("/trajectories").then();
    }

    @Test
    void theSuccessorRegistersReadsAndCorrectsThePredecessorsHistoryAsItself() {
        String id = create(successor, coach, predecessor, "2023-05-01").statusCode(201)
                .body("ocmwId", equalTo(predecessor)).body("registeredBy", equalTo(successor))
                .body("onBehalf", equalTo(false)).extract().path("id");
        as(successor, "coach").get("/trajectories/" + id).then().statusCode(200);
        as(successor, "coach").get("/trajectories?ocmwId=" + predecessor).then().statusCode(200)
                .body("items.id", hasItem(id));
        UUID other = data.accreditedCoach(successor);
        as(successor, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", other.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + id).then().statusCode(200).body("coachId", equalTo(other.toString()));
        as("vdab", "coach").get("/trajectories/" + id).then().statusCode(200);
    }

    @Test
    void fromTheMergerOnARecordIsTheSuccessorsOwn() {
        create(successor, coach, predecessor, "2025-01-01").statusCode(422).body("", exactly(422, "ocmw-merged",
                "OCMW merged", "OCMW '" + predecessor + "' merged into " + successor + " on 2025-01-01: "
                        + "register what starts from then under " + successor + ".", "/trajectories"));
        problem(as("vdab", "helpdesk")
                .body(json(Requests.trajectory(predecessor, data.accreditedCoach(predecessor), "2025-03-01")))
                .post("/trajectories").then(), 422, "ocmw-merged");
        create(successor, coach, predecessor, "2024-12-31").statusCode(201);
    }

    @Test
    void aClusterActsForThePredecessorUnderTheSuccessorsMandateOnly() {
        String id = create(cluster, clusterCoach, predecessor, "2022-02-01").statusCode(201)
                .body("registeredBy", equalTo(cluster)).extract().path("id");
        as(cluster, "coach").get("/trajectories/" + id).then().statusCode(200);
        String unmandated = data.newCluster();
        problem(create(unmandated, data.accreditedCoach(unmandated), predecessor, "2022-02-01"), 422, "unknown-ocmw");
        as(unmandated, "coach").get("/trajectories/" + id).then().statusCode(404);
        as(unmandated, "coach").get("/trajectories").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void anotherOcmwNeitherSeesNorRegistersThePredecessorsRecords() {
        String id = create(successor, coach, predecessor, "2023-05-01").statusCode(201).extract().path("id");
        String stranger = data.newOcmw("11002"); // the same municipality, but not what it merged into
        problem(create(stranger, data.accreditedCoach(stranger), predecessor, "2023-05-01"), 422, "unknown-ocmw");
        as(stranger, "coach").get("/trajectories/" + id).then().statusCode(404);
        invalid(anonymous()).get("/trajectories/" + id).then().statusCode(401);
    }

    @Test
    void thePredecessorsOwnTokenIsToldWhichOcmwKeepsItsRecords() {
        as(predecessor, "coach").get("/trajectories").then().statusCode(403).body("", exactly(403,
                "unknown-organisation", "Unknown organisation", "The token's twe_org claim names " + predecessor
                        + ", which merged into " + successor + " on 2025-01-01; " + successor
                        + " keeps its records: use a token of " + successor + ".", "/trajectories"));
        as("ocmw-11007", "coach").get("/organisations/ocmw-11007/coaches").then().statusCode(403).body("", exactly(403,
                "unknown-organisation", "Unknown organisation", "The token's twe_org claim names ocmw-11007, which "
                        + "merged into ocmw-11002 on 2025-01-01; ocmw-11002 keeps its records: use a token of "
                        + "ocmw-11002.", "/organisations/ocmw-11007/coaches"));
    }

    @Test
    void theSuccessorsFiguresIncludeThePredecessorsHistory() {
        create(successor, coach, predecessor, "2019-03-01").statusCode(201);
        as(successor, "coach").get("/statistics/starts?groupBy=year").then().statusCode(200)
                .body("rows", equalTo(java.util.List.of(Map.of("year", 2019, "trajectories", 1, "art60", 0, "bvs", 0,
                        "training", 0, "wes", 0, "ibo", 0, "trajectoriesWithTraining", 0, "instruments", 0))));
    }
}
