package be.twe.trajectory;

import static be.twe.support.Problems.problem;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TrajectoryInput;
import be.twe.support.Api;
import be.twe.support.Bodies;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class TrajectoryApiTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;

    @BeforeEach
    void accreditedOcmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    TrajectoryInput body(String insz, String start) {
        return Requests.trajectory(ocmw, coach, start).clientInsz(insz);
    }

    ValidatableResponse create(TrajectoryInput body) {
        return as(ocmw, "coach").body(json(body)).post("/trajectories").then();
    }

    String createdId(String start) {
        return create(body(newInsz(), start)).statusCode(201).extract().path("id");
    }

    ValidatableResponse end(String id, String date) {
        return as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end(date, TrajectoryEndReason.WORK_NEC, "Werk gevonden.")))
                .post("/trajectories/" + id + "/end").then();
    }

    @Test
    void coachRegistersATrajectoryOf24Months() {
        String insz = newInsz();
        String id = create(body(insz, "2024-03-15")).statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("ocmwId", equalTo(ocmw))
                .body("clientInsz", equalTo(insz))
                .body("startDate", equalTo("2024-03-15"))
                .body("plannedEndDate", equalTo("2026-03-14"))
                .body("status", equalTo("OPEN"))
                .body("endDate", nullValue())
                .body("onBehalf", equalTo(false))
                .body("registeredBy", equalTo(ocmw))
                .extract().path("id");
        as(ocmw, "coach").get("/trajectories/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\"")).body("clientInsz", equalTo(insz));
    }

    @Test
    void createAnswersWithItsLocation() {
        var response = create(body(newInsz(), "2024-01-31")).statusCode(201).extract();
        assertEquals(true, response.header("Location").endsWith("/trajectories/" + response.path("id")));
    }

    /** A write answers its timestamp as every later read shows it: the same instant, in UTC. */
    @Test
    void aWriteAnswersItsTimestampAsTheReadsDo() {
        var created = create(body(newInsz(), "2024-01-01")).statusCode(201).extract();
        String id = created.path("id");
        String written = created.path("updatedAt");
        assertTrue(written.endsWith("Z"), written);
        assertEquals(written, as(ocmw, "coach").get("/trajectories/" + id).then().extract().path("updatedAt"));
        String ended = end(id, "2024-06-30").statusCode(200).extract().path("updatedAt");
        assertTrue(ended.endsWith("Z"), ended);
        assertEquals(ended, as(ocmw, "coach").get("/trajectories/" + id).then().extract().path("updatedAt"));
    }

    @Test
    void plannedEndIsTwentyFourCalendarMonthsLater() {
        create(body(newInsz(), "2022-08-31")).statusCode(201).body("plannedEndDate", equalTo("2024-08-30"));
        create(body(newInsz(), "2022-03-01")).statusCode(201).body("plannedEndDate", equalTo("2024-02-29"));
        create(body(newInsz(), "2023-01-01")).statusCode(201).body("plannedEndDate", equalTo("2024-12-31"));
    }

    @Test
    void inszIsChecked() {
        TrajectoryInput wrong = body("85073003329", "2024-01-01");
        create(wrong).statusCode(400).body("issues", equalTo(List.of(
                Map.of("location", "body", "name", "clientInsz", "detail", "Not a valid INSZ (mod 97 check)."))));
        create(body("85073003328", "2024-01-01")).statusCode(201); // the only test using this INSZ
    }

    @Test
    void inszOfABirthFrom2000UsesThePrefix2() {
        create(body("17073003384", "2024-01-01")).statusCode(201);
        create(body("17073003385", "2024-01-01")).statusCode(400);
    }

    @Test
    void backDatedRegistrationsSince2017AreAccepted() {
        create(body(newInsz(), "2017-01-01")).statusCode(201).body("plannedEndDate", equalTo("2018-12-31"));
        problem(create(body(newInsz(), "2016-12-31")), 422, "trajectory-before-measure",
                "A trajectory starts on or after 2017-01-01, when TWE-OCMW began.", "/trajectories");
    }

    @Test
    void aClientHasOneOpenTrajectory() {
        String insz = newInsz();
        String first = create(body(insz, "2023-01-01")).statusCode(201).extract().path("id");
        problem(create(body(insz, "2024-01-01")), 409, "client-has-open-trajectory",
                "This client already has an open trajectory; end it before starting another.", "/trajectories");
        end(first, "2023-12-31").statusCode(200);
        create(body(insz, "2024-01-01")).statusCode(201);
    }

    @Test
    void parallelCreatesForOneClientGiveExactlyOneTrajectory() throws Exception {
        String insz = newInsz();
        List<Integer> statuses = Parallel.statuses(6, i -> create(body(insz, "2024-05-01")).extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 409), statuses.toString());
        as(ocmw, "coach").get("/trajectories?ocmwId=" + ocmw).then().body("items.clientInsz", contains(insz));
    }

    @Test
    void externalReferenceIsUniquePerOrganisation() {
        TrajectoryInput first = body(newInsz(), "2024-01-01");
        first.externalReference("case-42");
        create(first).statusCode(201).body("externalReference", equalTo("case-42"));
        TrajectoryInput second = body(newInsz(), "2024-01-01");
        second.externalReference("case-42");
        problem(create(second), 409, "duplicate-external-reference",
                "Your organisation already used this externalReference for another trajectory.", "/trajectories");
    }

    @Test
    void theResponsibleCoachMustBeTrained() {
        coach = data.coach(ocmw, null);
        problem(create(body(newInsz(), "2024-01-01")), 422, "coach-not-trained",
                "Coach '" + coach + "' has not followed VDAB's registration training.", "/trajectories");
        coach = data.coach(ocmw, LocalDate.now().plusDays(1));
        problem(create(body(newInsz(), "2024-01-01")), 422, "coach-not-trained",
                "Coach '" + coach + "' has not followed VDAB's registration training.", "/trajectories");
        coach = data.coach(ocmw, LocalDate.now());
        create(body(newInsz(), "2024-01-01")).statusCode(201);
    }

    @Test
    void theCoachsOrganisationMustHaveSignedThePartnerAgreement() {
        ocmw = data.newOcmw();
        coach = data.coach(ocmw, LocalDate.of(2020, 1, 1));
        problem(create(body(newInsz(), "2024-01-01")), 422, "partner-agreement-missing",
                "Organisation '" + ocmw + "' has not signed VDAB's partner agreement.", "/trajectories");
        data.signAgreement(ocmw, LocalDate.now());
        create(body(newInsz(), "2024-01-01")).statusCode(201);
    }

    @Test
    void aCoachOfAnotherOrganisationCannotBeResponsible() {
        UUID foreign = data.accreditedCoach(data.newOcmw());
        TrajectoryInput body = body(newInsz(), "2024-01-01");
        body.coachId(foreign);
        problem(create(body), 422, "unknown-coach", "No coach '" + foreign + "' of your organisation.",
                "/trajectories");
    }

    @Test
    void aClusterRegistersForAMandatedOcmwOnly() {
        String cluster = data.newCluster();
        UUID clusterCoach = data.accreditedCoach(cluster);
        TrajectoryInput body = body(newInsz(), "2024-01-01");
        body.coachId(clusterCoach);
        problem(as(cluster, "coach").body(json(body)).post("/trajectories").then(), 422, "unknown-ocmw",
                "No OCMW '" + ocmw + "' that you act for (own OCMW, one that merged into it, or a mandate valid"
                        + " today).", "/trajectories");
        data.mandate(cluster, ocmw, LocalDate.now().minusDays(1), null);
        as(cluster, "coach").body(json(body)).post("/trajectories").then().statusCode(201)
                .body("registeredBy", equalTo(cluster)).body("onBehalf", equalTo(false));
    }

    @Test
    void vdabHelpdeskRegistersOnBehalfWithAnUntrainedOcmwCoach() {
        TrajectoryInput body = body(newInsz(), "2024-01-01");
        body.coachId(data.coach(ocmw, null));
        as("vdab", "helpdesk").body(json(body)).post("/trajectories").then().statusCode(201)
                .body("onBehalf", equalTo(true)).body("registeredBy", equalTo("vdab"));
        problem(as("vdab", "spoc").body(json(body(newInsz(), "2024-01-01"))).post("/trajectories").then(), 403,
                "missing-role");
    }

    @Test
    void endNeedsDateReasonAndAdviceWithinTheMaximumDuration() {
        String id = createdId("2022-03-01");
        invalid(as(ocmw, "coach")).body(json(Requests.end("2023-01-01", TrajectoryEndReason.WORK_NEC, "x")))
                .post("/trajectories/" + id + "/end").then().statusCode(428);
        invalid(as(ocmw, "coach")).header("If-Match", "\"0\"")
                .body(json(Requests.end("2023-01-01", TrajectoryEndReason.WORK_NEC, null)))
                .post("/trajectories/" + id + "/end").then().statusCode(400).body("issues.name", contains("endAdvice"));
        invalid(as(ocmw, "coach")).header("If-Match", "\"0\"")
                .body(Map.of("endDate", "2023-01-01", "endReason", "BORED", "endAdvice", "x"))
                .post("/trajectories/" + id + "/end").then().statusCode(400).body("issues.name", contains("endReason"));
        problem(end(id, "2022-02-28"), 422, "trajectory-end-before-start",
                "Trajectory '" + id + "' started on 2022-03-01.", "/trajectories/" + id + "/end");
        problem(end(id, "2024-03-01"), 422, "trajectory-max-duration", "Trajectory '" + id
                + "' may last until 2024-02-29 (24 months), or longer only while an art. 60 §7 employment builds up"
                + " social rights.", "/trajectories/" + id + "/end");
        end(id, "2024-02-29").statusCode(200).header("ETag", equalTo("\"1\""))
                .body("status", equalTo("ENDED")).body("endReason", equalTo("WORK_NEC"))
                .body("endAdvice", equalTo("Werk gevonden."));
        problem(as(ocmw, "coach").header("If-Match", "\"1\"")
                .body(json(Requests.end("2024-02-29", TrajectoryEndReason.WORK_NEC, "x")))
                .post("/trajectories/" + id + "/end").then(), 409, "trajectory-ended",
                "Trajectory '" + id + "' ended on 2024-02-29.", "/trajectories/" + id + "/end");
    }

    @Test
    void endOnTheStartDateIsAllowed() {
        end(createdId("2023-05-05"), "2023-05-05").statusCode(200);
    }

    @Test
    void staleIfMatchIs412() {
        String id = createdId("2023-01-01");
        end(id, "2023-06-30").statusCode(200);
        problem(as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", coach.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + id).then(), 412, "precondition-failed").body("currentETag", equalTo("\"1\""));
    }

    @Test
    void outcomesAreMeasuredAfterTheEnd() {
        String id = createdId("2023-01-01");
        Map<String, Object> outcome = Bodies.replacing(Map.of("coachId", coach.toString(), "atWorkAtMeasurement", true),
                Bodies.TRAJECTORY_UPDATE);
        problem(as(ocmw, "coach").header("If-Match", "\"0\"").body(outcome).put("/trajectories/" + id).then(),
                422, "outcome-before-end",
                "Trajectory '" + id + "' is still open: outcomes are measured after its end.", "/trajectories/" + id);
        end(id, "2024-06-30").statusCode(200);
        outcome.put("atWorkWithin12Months", false);
        as(ocmw, "coach").header("If-Match", "\"1\"").body(outcome).put("/trajectories/" + id).then().statusCode(200)
                .body("atWorkAtMeasurement", equalTo(true)).body("atWorkWithin12Months", equalTo(false));
    }

    @Test
    void changingTheCoachChecksTheNewCoach() {
        String id = createdId("2023-01-01");
        UUID untrained = data.coach(ocmw, null);
        problem(as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", untrained.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + id).then(), 422, "coach-not-trained",
                "Coach '" + untrained + "' has not followed VDAB's registration training.", "/trajectories/" + id);
        UUID other = data.accreditedCoach(ocmw);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(Bodies.replacing(Map.of("coachId", other.toString()), Bodies.TRAJECTORY_UPDATE))
                .put("/trajectories/" + id).then().statusCode(200).body("coachId", equalTo(other.toString()));
    }

    @Test
    void listFiltersByStatusPeriodAndMunicipality() {
        String early = createdId("2019-06-01");
        String late = createdId("2024-06-01");
        end(early, "2020-01-01").statusCode(200);
        String base = "/trajectories?ocmwId=" + ocmw;
        as(ocmw, "coach").get(base + "&status=OPEN").then().statusCode(200).body("items.id", contains(late));
        as(ocmw, "coach").get(base + "&status=ENDED").then().body("items.id", contains(early));
        as(ocmw, "coach").get(base + "&startFrom=2024-06-01").then().body("items.id", contains(late));
        as(ocmw, "coach").get(base + "&startTo=2024-05-31").then().body("items.id", contains(early));
        as(ocmw, "coach").get("/trajectories?nisCode=44021&limit=500").then().body("items.id", hasItem(late));
        as(ocmw, "coach").get("/trajectories?nisCode=11002").then().body("items.id", not(hasItem(late)));
    }

    @Test
    void listPagesWithANextLink() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createdId("2024-0" + (i + 1) + "-01"));
        }
        String next = as(ocmw, "coach").get("/trajectories?limit=2&ocmwId=" + ocmw).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(2)).extract().path("next");
        as(ocmw, "coach").get(Api.link(next)).then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1)).body("next", nullValue());
    }

    @Test
    void modifiedSinceSeesOnlyLaterChanges() {
        String id = createdId("2024-01-01");
        String since = java.time.OffsetDateTime.now().plusSeconds(1).toString();
        as(ocmw, "coach").get("/trajectories?ocmwId=" + ocmw + "&modifiedSince=" + since).then()
                .body("items.id", not(hasItem(id)));
        as(ocmw, "coach").get("/trajectories?ocmwId=" + ocmw + "&modifiedSince=2000-01-01T00:00:00Z").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void anotherOcmwGets404() {
        String id = createdId("2024-01-01");
        problem(as(data.newOcmw(), "coach").get("/trajectories/" + id).then(), 404, "not-found");
        invalid(as(ocmw, "coach")).get("/trajectories/not-a-uuid").then().statusCode(400)
                .body("issues[0].name", equalTo("trajectoryId"));
    }
}
