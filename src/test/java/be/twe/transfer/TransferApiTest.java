package be.twe.transfer;

import static be.twe.api.model.FollowUpActionType.GUIDANCE;
import static be.twe.api.model.FollowUpActionType.OTHER;
import static be.twe.api.model.FollowUpActionType.TRANSMISSION;
import static be.twe.api.model.FollowUpActionType.WORK;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.exactly;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.followUp;
import static be.twe.support.Requests.json;
import static be.twe.transfer.TransferFixture.acknowledge;
import static be.twe.transfer.TransferFixture.body;
import static be.twe.transfer.TransferFixture.create;
import static be.twe.transfer.TransferFixture.dispatch;
import static be.twe.transfer.TransferFixture.etag;
import static be.twe.transfer.TransferFixture.plannedEnd;
import static be.twe.transfer.TransferFixture.spoc;
import static be.twe.transfer.TransferFixture.step;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInRelativeOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.FollowUpActionInput;
import be.twe.api.model.FollowUpActionType;
import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferApiTest {
    @Inject
    TestData data;

    TransferFixture ocmw;

    @BeforeEach
    void freshOcmw() {
        ocmw = new TransferFixture(data, "44021");
    }

    @Test
    void anOcmwTransfersAFullTrajectoryAndVdabTakesItOverAndFollowsItUp() {
        LocalDate start = LocalDate.now().minusMonths(25);
        LocalDate end = plannedEnd(start);
        String trajectory = ocmw.trajectory(start);

        String transfer = ocmw.create(trajectory, body("MAX_DURATION_REACHED", "SPOC_NOTE", end, true))
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .body("status", equalTo("REQUESTED")).body("reason", equalTo("MAX_DURATION_REACHED"))
                .body("channel", equalTo("SPOC_NOTE")).body("transferDate", equalTo(end.toString()))
                .body("trajectoryEndDate", equalTo(end.toString()))
                .body("trajectoryEndReason", equalTo("MAX_DURATION_REACHED"))
                .body("endAdvice", equalTo("Verder begeleiden naar werk via VDAB."))
                .body("requestedBy", equalTo(ocmw.ocmw)).body("onBehalf", equalTo(false))
                .body("steps.kind", contains("REQUESTED")).body("steps[0].actorOrganisationId", equalTo(ocmw.ocmw))
                .extract().path("id");
        String location = ocmw.create(ocmw.trajectory(start), body("LONG_TRAINING", "VEO", end, true))
                .statusCode(201).extract().header("Location");
        assertLocation(location);
        ocmw.coachRequest().get("/trajectories/" + trajectory).then().statusCode(200)
                .body("status", equalTo("ENDED")).body("endDate", equalTo(end.toString()));

        spoc().get("/transfers?status=REQUESTED&ocmwId=" + ocmw.ocmw + "&reason=MAX_DURATION_REACHED").then()
                .statusCode(200).body("items.id", contains(transfer));
        acknowledge(transfer).statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("ACKNOWLEDGED"));
        dispatch(transfer).statusCode(200).header("ETag", equalTo("\"2\"")).body("status", equalTo("DISPATCHED"));
        spoc().body(json(new FollowUpActionInput().type(FollowUpActionType.LONG_TRAINING).startDate(end.plusMonths(1))
                .description("Opleiding lasser")))
                .post("/transfers/" + transfer + "/follow-up-actions").then().statusCode(201)
                .body("type", equalTo("LONG_TRAINING")).body("recordedBy", equalTo("vdab"))
                .body("endDate", nullValue());

        ocmw.coachRequest().get("/transfers/" + transfer).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("steps.kind", contains("REQUESTED", "ACKNOWLEDGED", "DISPATCHED"))
                .body("steps.actorOrganisationId", contains(ocmw.ocmw, "vdab", "vdab"))
                .body("steps.actorSubject", contains("test-user@" + ocmw.ocmw, "test-user@vdab", "test-user@vdab"))
                .body("steps[2].destinationKind", equalTo("TEAM"))
                .body("steps[2].destination", equalTo("Team Gent-Zuid"))
                .body("followUpActions.type", contains("LONG_TRAINING"))
                .body("followUpActions[0].startDate", equalTo(end.plusMonths(1).toString()))
                .body("followUpActions[0].description", equalTo("Opleiding lasser"));
        ocmw.coachRequest().get("/trajectories/" + trajectory + "/transfers").then().statusCode(200)
                .body("items.id", contains(transfer)).body("items[0].followUpActions", hasSize(1));
        as(ocmw.ocmw, "admin").get("/organisations/" + ocmw.ocmw + "/audit-events?limit=500").then().statusCode(200)
                .body("items.findAll { it.entityId == '" + transfer + "' }.action",
                        contains("record-follow-up", "dispatch", "acknowledge", "request"))
                .body("items.findAll { it.entityId == '" + transfer + "' }.actorOrganisationId",
                        contains("vdab", "vdab", "vdab", ocmw.ocmw));
    }

    private static void assertLocation(String location) {
        assertThat(location, matchesPattern(".*/transfers/[0-9a-f-]{36}$"));
    }

    @Test
    void maximumDurationNeedsTwentyFourMonths() {
        String young = ocmw.trajectory(LocalDate.now().minusMonths(10));
        problem(ocmw.create(young, body("MAX_DURATION_REACHED", "SPOC_NOTE", LocalDate.now(), true)), 422,
                "max-duration-not-reached", "Trajectory '" + young + "' reaches 24 months on "
                        + plannedEnd(LocalDate.now().minusMonths(10)) + "; it ends on " + LocalDate.now() + ".",
                "/trajectories/" + young + "/transfers");
        ocmw.coachRequest().get("/trajectories/" + young).then().body("status", equalTo("OPEN"));
        ocmw.coachRequest().get("/trajectories/" + young + "/transfers").then().body("items", hasSize(0));

        LocalDate start = LocalDate.now().minusMonths(25);
        String full = ocmw.trajectory(start);
        problem(ocmw.create(full, body("MAX_DURATION_REACHED", "SPOC_NOTE", plannedEnd(start).minusDays(1), true)),
                422, "max-duration-not-reached", "Trajectory '" + full + "' reaches 24 months on " + plannedEnd(start)
                        + "; it ends on " + plannedEnd(start).minusDays(1) + ".",
                "/trajectories/" + full + "/transfers");
        ocmw.create(full, body("MAX_DURATION_REACHED", "SPOC_NOTE", plannedEnd(start), true)).statusCode(201);
    }

    @Test
    void otherNeedsAText() {
        String trajectory = ocmw.trajectory(LocalDate.now().minusMonths(6));
        problem(ocmw.create(trajectory, body("OTHER", "SPOC_NOTE", LocalDate.now(), true)), 400, "reason-text-required")
                .body("issues.name", contains("reasonText")).body("issues.location", contains("body"));
        Map<String, Object> blank = body("OTHER", "SPOC_NOTE", LocalDate.now(), true);
        blank.put("reasonText", "   ");
        problem(ocmw.create(trajectory, blank), 400, "reason-text-required");
        Map<String, Object> withText = body("OTHER", "SPOC_NOTE", LocalDate.now(), true);
        withText.put("reasonText", "Verhuisd naar Brussel.");
        ocmw.create(trajectory, withText).statusCode(201).body("reasonText", equalTo("Verhuisd naar Brussel."));
    }

    @Test
    void illegalStateChangesAre409() {
        String transfer = ocmw.requested();
        problem(dispatch(transfer), 409, "illegal-transition",
                "A transfer in status REQUESTED cannot become DISPATCHED (dispatch needs status ACKNOWLEDGED).",
                "/transfers/" + transfer + "/dispatch");
        problem(step(ocmw.coachRequest(), transfer, "answer", Map.of("answer", "?")), 409, "illegal-transition",
                "A transfer in status REQUESTED cannot become REQUESTED (answer needs status RETURNED).",
                "/transfers/" + transfer + "/answer");
        acknowledge(transfer).statusCode(200);
        problem(acknowledge(transfer), 409, "illegal-transition",
                "A transfer in status ACKNOWLEDGED cannot become ACKNOWLEDGED (acknowledge needs status REQUESTED).",
                "/transfers/" + transfer + "/acknowledgement");
        dispatch(transfer).statusCode(200);
        problem(step(spoc(), transfer, "return", Map.of("question", "Waar is het POP?")), 409, "illegal-transition",
                "A transfer in status DISPATCHED cannot become RETURNED"
                        + " (return needs status ACKNOWLEDGED or REQUESTED).",
                "/transfers/" + transfer + "/return");
        spoc().get("/transfers/" + transfer).then().body("steps.kind", contains("REQUESTED", "ACKNOWLEDGED", "DISPATCHED"));
    }

    @Test
    void vdabReturnsAQuestionAndTheOcmwAnswersAndResubmits() {
        String transfer = ocmw.requested();
        step(spoc(), transfer, "return", Map.of("question", "Welke opleiding?")).statusCode(200)
                .body("status", equalTo("RETURNED"));
        ocmw.coachRequest().get("/transfers?status=RETURNED").then().body("items.id", contains(transfer));
        step(ocmw.coachRequest(), transfer, "answer", Map.of("answer", "Lassen, bij VDAB Gent.")).statusCode(200)
                .body("status", equalTo("REQUESTED"))
                .body("steps.kind", contains("REQUESTED", "RETURNED", "ANSWERED"))
                .body("steps.note", contains(nullValue(), equalTo("Welke opleiding?"), equalTo("Lassen, bij VDAB Gent.")));
        acknowledge(transfer).statusCode(200);
        step(spoc(), transfer, "return", Map.of("question", "Attest?")).statusCode(200).body("status", equalTo("RETURNED"));
    }

    @Test
    void stepsNeedIfMatch() {
        String transfer = ocmw.requested();
        problem(invalid(spoc()).body(Map.of()).post("/transfers/" + transfer + "/acknowledgement").then(), 428,
                "precondition-required");
        problem(spoc().header("If-Match", "\"7\"").body(Map.of()).post("/transfers/" + transfer + "/acknowledgement")
                .then(), 412, "precondition-failed").body("currentETag", equalTo("\"0\""));
        invalid(spoc()).header("If-Match", etag(transfer)).body(Map.of("destinationKind", "TEAM"))
                .post("/transfers/" + transfer + "/dispatch").then().statusCode(400)
                .body("issues.name", contains("destination"));
    }

    @Test
    void onlyVdabTakesOverAndRecordsFollowUp() {
        String transfer = ocmw.requested();
        problem(step(ocmw.coachRequest(), transfer, "acknowledgement", Map.of()), 403, "missing-role");
        // an OCMW token that claims the spoc role still is not VDAB
        problem(step(as(ocmw.ocmw, "spoc"), transfer, "acknowledgement", Map.of()), 403, "vdab-only",
                "Only VDAB's SPOC acknowledges, dispatches and returns transfers and records follow-up.",
                "/transfers/" + transfer + "/acknowledgement");
        problem(as(ocmw.ocmw, "spoc").body(json(new FollowUpActionInput().type(FollowUpActionType.WORK)
                .startDate(LocalDate.now())))
                .post("/transfers/" + transfer + "/follow-up-actions").then(), 403, "vdab-only");
        problem(step(as(data.newOcmw(), "spoc"), transfer, "acknowledgement", Map.of()), 404, "not-found");
        spoc().get("/transfers/" + transfer).then().body("status", equalTo("REQUESTED")).body("steps", hasSize(1));
    }

    @Test
    void followUpComesAfterTheTakeOverWithinTwelveMonthsOfTheEnd() {
        LocalDate start = LocalDate.now().minusMonths(26);
        LocalDate end = plannedEnd(start);
        String transfer = ocmw.create(ocmw.trajectory(start), body("MAX_DURATION_REACHED", "VEO", end, true))
                .statusCode(201).extract().path("id");
        String path = "/transfers/" + transfer + "/follow-up-actions";
        problem(spoc().body(json(followUp(WORK, end.plusDays(1)))).post(path).then(), 409, "transfer-not-taken-over",
                "VDAB records follow-up once it acknowledged the transfer; it is REQUESTED.", path);
        acknowledge(transfer).statusCode(200);
        String window = "Follow-up starts between the trajectory's end on " + end + " and " + end.plusMonths(12) + ".";
        problem(spoc().body(json(followUp(WORK, end.minusDays(1)))).post(path).then(), 422,
                "follow-up-outside-window", window, path);
        problem(spoc().body(json(followUp(WORK, end.plusMonths(12).plusDays(1)))).post(path).then(), 422,
                "follow-up-outside-window", window, path);
        spoc().body(json(followUp(OTHER, end))).post(path).then().statusCode(400)
                .body("", exactly(Map.of("type", "urn:problem-type:twe:invalid-input", "code", "invalid-input",
                        "status", 400, "title", "Invalid input", "detail", "The request has 1 invalid field(s); see issues.",
                        "instance", Api.BASE + path, "issues", List.of(Map.of("location", "body", "name", "description",
                                "detail", "Required when the type is OTHER.")))));
        problem(spoc().body(json(followUp(GUIDANCE, end.plusDays(9)).endDate(end.plusDays(8)))).post(path).then(),
                400, "invalid-input").body("issues.name", contains("endDate"));
        spoc().body(json(followUp(TRANSMISSION, end.plusMonths(12)).description("Doorgegeven aan GTB"))).post(path)
                .then().statusCode(201);
        spoc().body(json(followUp(GUIDANCE, end).endDate(end.plusMonths(3)))).post(path).then().statusCode(201);
        ocmw.coachRequest().get("/transfers/" + transfer).then()
                .body("followUpActions.type", contains("GUIDANCE", "TRANSMISSION"));
    }

    @Test
    void aTransferFollowsAnEndedTrajectory() {
        String trajectory = ocmw.trajectory(LocalDate.of(2024, 1, 15));
        ocmw.coachRequest().header("If-Match", "\"0\"")
                .body(json(
                        Requests.end("2024-09-30", TrajectoryEndReason.LONG_TRAINING, "Start opleiding verzorgende.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
        problem(ocmw.create(trajectory, body("LONG_TRAINING", "VEO", LocalDate.of(2024, 9, 29), false)), 422,
                "transfer-before-end", "Trajectory '" + trajectory
                        + "' ended on 2024-09-30; its transfer cannot come before that.",
                "/trajectories/" + trajectory + "/transfers");
        problem(ocmw.create(trajectory, body("LONG_TRAINING", "VEO", LocalDate.of(2024, 9, 30), true)), 400,
                "invalid-input").body("issues.name", contains("trajectoryEnd"));
        ocmw.create(trajectory, body("LONG_TRAINING", "VEO", LocalDate.of(2024, 10, 2), false)).statusCode(201)
                .body("trajectoryEndDate", equalTo("2024-09-30")).body("trajectoryEndReason", equalTo("LONG_TRAINING"))
                .body("endAdvice", equalTo("Start opleiding verzorgende."));
    }

    @Test
    void anOpenTrajectoryNeedsItsEndAndAPastDate() {
        String trajectory = ocmw.trajectory(LocalDate.now().minusMonths(3));
        problem(ocmw.create(trajectory, body("LONG_TRAINING", "VEO", LocalDate.now(), false)), 400,
                "trajectory-end-required").body("issues.name", contains("trajectoryEnd"));
        String transfers = "/trajectories/" + trajectory + "/transfers";
        problem(ocmw.create(trajectory, body("LONG_TRAINING", "VEO", LocalDate.now().plusDays(2), true)), 422,
                "transfer-date-in-future", "The transfer date " + LocalDate.now().plusDays(2) + " lies after today.",
                transfers);
        problem(ocmw.create(trajectory, body("IBO_TAKEN_OVER", "VEO", LocalDate.now(), true)), 422,
                "reason-set-by-api",
                "IBO_TAKEN_OVER transfers are created when ending a trajectory takes over a running IBO.", transfers);
        problem(ocmw.create(trajectory, body("CLIENT_REPORTED", "SERVICE_LINE", LocalDate.now(), true)), 422,
                "channel-reserved-for-vdab", "Only VDAB registers transfers through SERVICE_LINE.", transfers);
        ocmw.coachRequest().get("/trajectories/" + trajectory).then().body("status", equalTo("OPEN"));
    }

    @Test
    void vdabRegistersAClientWhoReportedThroughTheServiceLine() {
        String trajectory = ocmw.trajectory(LocalDate.now().minusMonths(8));
        Map<String, Object> body = body("CLIENT_REPORTED", "SERVICE_LINE", LocalDate.now().minusDays(1), false);
        body.put("trajectoryEnd", Map.of("endReason", "STOPPED_EARLY", "endAdvice", "Meldde zich bij VDAB."));
        TransferFixture.create(spoc(), trajectory, body).statusCode(201)
                .body("requestedBy", equalTo("vdab")).body("onBehalf", equalTo(true))
                .body("channel", equalTo("SERVICE_LINE")).body("steps[0].actorOrganisationId", equalTo("vdab"));
        ocmw.coachRequest().get("/trajectories/" + trajectory).then()
                .body("status", equalTo("ENDED")).body("endReason", equalTo("STOPPED_EARLY"));
    }

    @Test
    void endingThatTakesOverAnIboCreatesItsTransfer() {
        String trajectory = ocmw.trajectory(LocalDate.of(2024, 1, 1));
        ibo(trajectory, "2024-05-01", "2024-07-31");
        ocmw.coachRequest().header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.STOPPED_EARLY, "IBO loopt verder bij VDAB.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
        ocmw.coachRequest().get("/trajectories/" + trajectory + "/transfers").then().statusCode(200)
                .body("items.reason", contains("IBO_TAKEN_OVER"))
                .body("items[0].channel", equalTo("VDAB_MONITORING"))
                .body("items[0].transferDate", equalTo("2024-06-30"))
                .body("items[0].status", equalTo("REQUESTED"))
                .body("items[0].requestedBy", equalTo(ocmw.ocmw));
    }

    @Test
    void aTransferThatEndsATrajectoryWithAnIboIsItsOnlyTransfer() {
        String trajectory = ocmw.trajectory(LocalDate.of(2024, 1, 1));
        ibo(trajectory, "2024-05-01", "2024-07-31");
        Map<String, Object> body = body("LONG_TRAINING", "VEO", LocalDate.of(2024, 6, 30), false);
        body.put("trajectoryEnd", Map.of("endReason", "LONG_TRAINING", "endAdvice", "Opleiding via VeO."));
        ocmw.create(trajectory, body).statusCode(201);
        ocmw.coachRequest().get("/trajectories/" + trajectory + "/transfers").then()
                .body("items.reason", contains("LONG_TRAINING"));
        ocmw.coachRequest().get("/trajectories/" + trajectory + "/instruments").then()
                .body("items[0].outcome", equalTo("TAKEN_OVER_BY_VDAB"));
    }

    @Test
    void aNewTransferWaitsUntilTheOpenOneIsDispatched() {
        String transfer = ocmw.requested();
        String trajectory = spoc().get("/transfers/" + transfer).then().extract().path("trajectoryId");
        LocalDate date = LocalDate.now().minusDays(1);
        problem(ocmw.create(trajectory, body("LONG_TRAINING", "VEO", date, false)), 409, "transfer-already-open",
                "This trajectory has a transfer that VDAB has not dispatched yet.",
                "/trajectories/" + trajectory + "/transfers");
        acknowledge(transfer).statusCode(200);
        dispatch(transfer).statusCode(200);
        ocmw.create(trajectory, body("LONG_TRAINING", "VEO", date, false)).statusCode(201);
        ocmw.coachRequest().get("/trajectories/" + trajectory + "/transfers").then()
                .body("items.status", containsInRelativeOrder("DISPATCHED", "REQUESTED"));
    }

    @Test
    void theTransferIsReadOnlyByWhoMaySeeTheTrajectory() {
        String transfer = ocmw.requested();
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw.ocmw, LocalDate.now().minusYears(1), null);
        as(cluster, "coach").get("/transfers/" + transfer).then().statusCode(200);
        as(cluster, "coach").get("/transfers?limit=500").then().body("items.id", hasItem(transfer));
        as(data.newOcmw(), "coach").get("/transfers/" + transfer).then().statusCode(404).body("", exactly(404,
                "not-found", "Not found", "No transfer '" + transfer + "'.", "/transfers/" + transfer));
    }

    private void ibo(String trajectory, String from, String to) {
        InstrumentInput ibo = Requests.instrument(InstrumentType.IBO, from, to, ocmw.coach)
                .employer("Bakkerij Peeters");
        ocmw.coachRequest().body(json(ibo)).post("/trajectories/" + trajectory + "/instruments").then().statusCode(201);
    }

    @Test
    void aRetriedTransferOrFollowUpWithItsKeyIsRecordedOnce() {
        LocalDate start = LocalDate.now().minusMonths(26);
        String trajectory = ocmw.trajectory(start);
        Map<String, Object> transfer = body("MAX_DURATION_REACHED", "SPOC_NOTE", plannedEnd(start), true);
        String first = create(ocmw.coachRequest().header("Idempotency-Key", "transfer-1"), trajectory, transfer)
                .statusCode(201).extract().path("id");
        create(ocmw.coachRequest().header("Idempotency-Key", "transfer-1"), trajectory, transfer).statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(1, data.count("select count(*) from transfer where trajectory_id = ?1",
                UUID.fromString(trajectory)));

        acknowledge(first).statusCode(200);
        Map<String, Object> followUp = Map.of("type", "LONG_TRAINING",
                "startDate", plannedEnd(start).plusMonths(1).toString());
        for (int attempt = 0; attempt < 2; attempt++) {
            spoc().header("Idempotency-Key", "follow-up-1").body(followUp)
                    .post("/transfers/" + first + "/follow-up-actions").then().statusCode(201);
        }
        assertEquals(1, data.count("select count(*) from follow_up_action where transfer_id = ?1",
                UUID.fromString(first)));
    }

    @Test
    void aTrajectorysTransfersComeInPages() {
        LocalDate start = LocalDate.now().minusMonths(26);
        String trajectory = ocmw.trajectory(start);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String transfer = ocmw.create(trajectory, body("LONG_TRAINING", "SPOC_NOTE", plannedEnd(start), i == 0))
                    .statusCode(201).extract().path("id");
            acknowledge(transfer).statusCode(200);
            dispatch(transfer).statusCode(200);
            made.add(transfer);
        }
        String path = "/trajectories/" + trajectory + "/transfers";
        ocmw.coachRequest().get(path + "?limit=2").then().statusCode(200).body("items", hasSize(2))
                .body("next", matchesPattern(".*cursor=.*"));
        assertEquals(made, Api.allPages(ocmw::coachRequest, path + "?limit=2", "id"));
        problem(invalid(ocmw.coachRequest()).get(path + "?limit=501").then(), 400, "invalid-input");
        problem(ocmw.coachRequest().get(path + "?cursor=bm90LWEtY3Vyc29y").then(), 400, "invalid-input");
    }
}
