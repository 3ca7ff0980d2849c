package be.twe.instrument;

import static be.twe.support.Problems.problem;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.InstrumentInput;
import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.Training;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class InstrumentApiTest {
    @Inject
    TestData data;

    String org;
    String ocmw;
    UUID coach;
    String trajectory;

    @BeforeEach
    void trajectoryFrom2024() {
        ocmw = data.newOcmw();
        org = ocmw;
        coach = data.accreditedCoach(ocmw);
        trajectory = newTrajectory("2024-01-01");
    }

    String instruments() {
        return "/trajectories/" + trajectory + "/instruments";
    }

    String newTrajectory(String start) {
        return as(org, "coach").body(json(Requests.trajectory(ocmw, coach, start))).post("/trajectories").then()
                .statusCode(201).extract().path("id");
    }

    InstrumentInput instrument(String type, String start, String end) {
        InstrumentInput body = Requests.instrument(InstrumentType.fromValue(type), start, end, coach).employer(null);
        switch (type) {
            case "ART60" -> body.employer("OCMW").socialRightsBuiltUp(true);
            case "WES", "IBO" -> body.employer("Bakkerij Peeters");
            case "TRAINING" -> body.training(training(Training.OrganiserEnum.VDAB, true, true));
            default -> { }
        }
        return body;
    }

    static Training training(Training.OrganiserEnum organiser, boolean technical, boolean fullTime) {
        return new Training().name("Heftruckchauffeur").organiser(organiser).technical(technical).fullTime(fullTime);
    }

    ValidatableResponse create(InstrumentInput body) {
        return as(org, "coach").body(json(body)).post("/trajectories/" + trajectory + "/instruments").then();
    }

    String created(InstrumentInput body) {
        return create(body).statusCode(201).extract().path("id");
    }

    ValidatableResponse endTrajectory(String date) {
        return as(org, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end(date, TrajectoryEndReason.STOPPED_EARLY, "Naar VDAB.")))
                .post("/trajectories/" + trajectory + "/end").then();
    }

    @Test
    void aClusterRegistersAFullTrajectoryForAMemberOcmw() {
        org = data.newCluster();
        data.mandate(org, ocmw, LocalDate.now().minusYears(1), null);
        coach = data.accreditedCoach(org);
        trajectory = newTrajectory("2024-01-01");
        InstrumentInput art60 = instrument("ART60", "2024-02-01", "2024-12-31");
        created(art60);
        created(instrument("TRAINING", "2025-01-06", "2025-03-31"));
        String ibo = created(instrument("IBO", "2025-04-01", "2025-09-30"));

        endTrajectory("2025-06-30").statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("instrumentYears.year", contains(1, 2))
                .body("instrumentYears.from", contains("2024-01-01", "2025-01-01"))
                .body("instrumentYears.to", contains("2024-12-31", "2025-06-30"))
                .body("instrumentYears.instrumentsStarted", contains(1, 2))
                .body("instrumentYears.art60", contains(true, false))
                .body("instrumentYears.targetMet", contains(true, true));

        as(org, "coach").get("/trajectories/" + trajectory + "/instruments").then().statusCode(200)
                .body("items.type", contains("ART60", "TRAINING", "IBO"))
                .body("items.outcome", contains(null, null, "TAKEN_OVER_BY_VDAB"))
                .body("items[1].training.technical", equalTo(true));
        as(org, "coach").get("/trajectories/" + trajectory + "/instruments/" + ibo).then().statusCode(200)
                .body("endDate", equalTo("2025-09-30")).body("employer", equalTo("Bakkerij Peeters"));

        problem(as(data.newOcmw(), "coach").get("/trajectories/" + trajectory + "/instruments").then(), 404, "not-found");
        String outsider = data.newCluster();
        data.mandate(outsider, ocmw, LocalDate.now().minusYears(2), LocalDate.now().minusDays(1));
        problem(as(outsider, "coach").get("/trajectories/" + trajectory + "/instruments/" + ibo).then(), 404, "not-found");
    }

    @Test
    void instrumentsNeverOverlap() {
        String wes = created(instrument("WES", "2024-02-01", "2024-04-30"));
        create(instrument("IBO", "2024-04-30", "2024-06-30")).statusCode(409)
                .body("code", equalTo("instrument-overlap")).body("detail", containsString(wes));
        created(instrument("IBO", "2024-05-01", "2024-06-30"));
    }

    @Test
    void parallelOverlappingInstrumentsNeverBothSucceed() throws Exception {
        List<Integer> statuses = Parallel.statuses(4, i ->
                create(instrument("WES", "2024-03-0" + (i + 1), "2024-05-31")).extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 201), statuses.toString());
        assertEquals(3, Parallel.count(statuses, 409), statuses.toString());
        as(org, "coach").get("/trajectories/" + trajectory + "/instruments").then().body("items", hasSize(1));
    }

    @Test
    void instrumentsLieWithinTheTrajectory() {
        problem(create(instrument("WES", "2023-12-31", "2024-02-28")), 422, "instrument-outside-trajectory",
                "Trajectory '" + trajectory + "' runs from 2024-01-01 to 2025-12-31.", instruments());
        problem(create(instrument("WES", "2025-09-01", "2026-01-01")), 422, "instrument-outside-trajectory",
                "Trajectory '" + trajectory + "' runs from 2024-01-01 to 2025-12-31.", instruments());
        created(instrument("WES", "2025-07-01", "2025-12-31"));
    }

    @Test
    void anArt60WithoutSocialRightsMayRunPastThe24Months() {
        InstrumentInput art60 = instrument("ART60", "2024-01-15", "2026-01-14");
        problem(create(art60), 422, "instrument-outside-trajectory",
                "Trajectory '" + trajectory + "' runs from 2024-01-01 to 2025-12-31.", instruments());
        art60.socialRightsBuiltUp(false);
        created(art60);
        problem(endTrajectory("2026-01-15"), 422, "trajectory-max-duration", "Trajectory '" + trajectory
                + "' may last until 2025-12-31 (24 months), or longer only while an art. 60 §7 employment builds up"
                + " social rights.", "/trajectories/" + trajectory + "/end");
        endTrajectory("2026-01-14").statusCode(200).body("endDate", equalTo("2026-01-14"));
    }

    @Test
    void withoutSuchAnArt60TheTrajectoryEndsWithin24Months() {
        created(instrument("ART60", "2024-01-15", "2025-12-31"));
        problem(endTrajectory("2026-01-01"), 422, "trajectory-max-duration", "Trajectory '" + trajectory
                + "' may last until 2025-12-31 (24 months), or longer only while an art. 60 §7 employment builds up"
                + " social rights.", "/trajectories/" + trajectory + "/end");
    }

    @Test
    void art60StartsAtTheLatestTwoMonthsAfterTheTrajectory() {
        problem(create(instrument("ART60", "2024-03-02", "2025-03-01")), 422, "art60-late-start",
                "An art. 60 §7 employment starts at the latest 2024-03-01, 2 months after trajectory '" + trajectory
                        + "' started.", instruments());
        created(instrument("ART60", "2024-03-01", "2025-02-28"));
    }

    @Test
    void aWesLastsAtMostSixMonths() {
        problem(create(instrument("WES", "2024-01-01", "2024-07-01")), 422, "instrument-max-duration",
                "A WES starting 2024-01-01 ends at the latest 2024-06-30 (6 months).", instruments());
        created(instrument("WES", "2024-01-01", "2024-06-30"));
    }

    @Test
    void aTechnicalTrainingLastsAtMostThreeMonthsFullTimeAndIsUsedOnce() {
        problem(create(instrument("TRAINING", "2024-01-01", "2024-04-01")), 422, "instrument-max-duration",
                "A TRAINING_TECHNICAL_FULL_TIME starting 2024-01-01 ends at the latest 2024-03-31 (3 months).",
                instruments());
        String first = created(instrument("TRAINING", "2024-01-01", "2024-03-31"));
        problem(create(instrument("TRAINING", "2024-05-01", "2024-06-30")), 422, "technical-training-repeated",
                "A technical training is used once per trajectory; instrument '" + first + "' is one.", instruments());
        InstrumentInput generic = instrument("TRAINING", "2024-05-01", "2024-12-31");
        generic.training(training(Training.OrganiserEnum.PARTNER, false, true));
        created(generic);
    }

    /** "voltijdse of deeltijdse opleiding van maximaal drie maanden" (2021 written question). */
    @Test
    void aPartTimeTechnicalTrainingAlsoLastsAtMostThreeMonths() {
        InstrumentInput partTime = instrument("TRAINING", "2024-01-01", "2024-06-30");
        partTime.training(training(Training.OrganiserEnum.VDAB, true, false));
        problem(create(partTime), 422, "instrument-max-duration",
                "A TRAINING_TECHNICAL_PART_TIME starting 2024-01-01 ends at the latest 2024-03-31 (3 months).",
                instruments());
        partTime.plannedEndDate(LocalDate.parse("2024-03-31"));
        created(partTime);
    }

    @Test
    void aTechnicalTrainingOfAPartnerNeedsVdabsRecognition() {
        InstrumentInput partner = instrument("TRAINING", "2024-01-01", "2024-02-29");
        partner.training(training(Training.OrganiserEnum.PARTNER, true, true));
        problem(create(partner), 422, "training-not-recognised",
                "A technical training is organised or recognised by VDAB.", instruments());
        partner.getTraining().recognisedByVdab(true);
        created(partner);
    }

    @Test
    void noBvsFrom2023On() {
        trajectory = newTrajectory("2022-10-01");
        created(instrument("BVS", "2022-12-01", "2022-12-31"));
        problem(create(instrument("BVS", "2023-01-01", "2023-01-31")), 422, "bvs-abolished",
                "A BVS cannot start on or after 2023-01-01: it became part of the WES.", instruments());
    }

    @Test
    void typeSpecificFieldsAreRequired() {
        InstrumentInput training = instrument("TRAINING", "2024-01-01", "2024-01-31");
        training.training(null);
        create(training).statusCode(400).body("issues.name", contains("training"));
        InstrumentInput art60 = instrument("ART60", "2024-01-01", "2024-01-31");
        art60.employer(null).socialRightsBuiltUp(null);
        create(art60).statusCode(400).body("issues.name", contains("employer", "socialRightsBuiltUp"));
        create(instrument("WES", "2024-02-01", "2024-01-31")).statusCode(400).body("issues.name", contains("plannedEndDate"));
        invalid(as(org, "coach")).body(Map.of("type", "SPA", "startDate", "2024-02-01", "plannedEndDate", "2024-03-31",
                        "coachId", coach.toString(), "employer", "Werkgever"))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(400)
                .body("issues.name", contains("type"));
    }

    @Test
    void endingAnInstrumentRecordsHowItEnded() {
        String wes = created(instrument("WES", "2024-01-01", "2024-06-30"));
        String path = "/trajectories/" + trajectory + "/instruments/" + wes + "/end";
        invalid(as(org, "coach")).body(json(Requests.instrumentEnd("2024-03-31", InstrumentOutcome.COMPLETED)))
                .post(path).then().statusCode(428);
        as(org, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-03-31", InstrumentOutcome.STOPPED_EARLY)))
                .post(path).then().statusCode(400).body("issues.name", contains("stopReason"));
        problem(as(org, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-03-31", InstrumentOutcome.TAKEN_OVER_BY_VDAB))).post(path)
                .then(), 422, "takeover-not-ibo", "Instrument '" + wes + "' is a WES; VDAB takes over an IBO only.",
                path);
        problem(as(org, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-07-01", InstrumentOutcome.COMPLETED))).post(path).then(), 422,
                "instrument-end-outside-period", "Instrument '" + wes + "' runs from 2024-01-01 to 2024-06-30.", path);
        as(org, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-03-31", InstrumentOutcome.STOPPED_EARLY).stopReason("Ziekte")))
                .post(path).then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("outcome", equalTo("STOPPED_EARLY")).body("stopReason", equalTo("Ziekte"));
        problem(as(org, "coach").header("If-Match", "\"1\"")
                .body(json(Requests.instrumentEnd("2024-03-31", InstrumentOutcome.COMPLETED))).post(path)
                .then(), 409, "instrument-ended", "Instrument '" + wes + "' ended on 2024-03-31.", path);
        created(instrument("IBO", "2024-04-01", "2024-06-30"));
    }

    @Test
    void endingTheTrajectoryStopsARunningWes() {
        String wes = created(instrument("WES", "2025-09-01", "2025-12-31"));
        endTrajectory("2025-10-15").statusCode(200);
        as(org, "coach").get("/trajectories/" + trajectory + "/instruments/" + wes).then()
                .body("endDate", equalTo("2025-10-15")).body("outcome", equalTo("STOPPED_EARLY"))
                .body("stopReason", equalTo("The trajectory ended; a WES cannot be transferred."));
    }

    @Test
    void anotherRunningInstrumentBlocksTheEnd() {
        String training = created(instrument("TRAINING", "2025-10-01", "2025-12-31"));
        problem(endTrajectory("2025-11-15"), 422, "instrument-running", "Instrument '" + training
                + "' (TRAINING) runs until 2025-12-31; end it first.", "/trajectories/" + trajectory + "/end");
        endTrajectory("2025-12-31").statusCode(200);
        as(org, "coach").get("/trajectories/" + trajectory + "/instruments/" + training).then()
                .body("endDate", nullValue());
    }

    @Test
    void anInstrumentAfterTheEndBlocksTheEnd() {
        String wes = created(instrument("WES", "2025-06-01", "2025-06-30"));
        problem(endTrajectory("2025-05-31"), 422, "instrument-after-end",
                "Instrument '" + wes + "' starts on 2025-06-01, after the end date.",
                "/trajectories/" + trajectory + "/end");
    }

    /** A PUT names every field of its schema (ADR 0017). */
    ValidatableResponse update(String id, String etag, InstrumentInput body) {
        return as(org, "coach").header("If-Match", etag).body(Requests.replacing(body))
                .put("/trajectories/" + trajectory + "/instruments/" + id).then();
    }

    @Test
    void builtUpSocialRightsBringTheArt60BackWithinThe24Months() {
        InstrumentInput art60 = instrument("ART60", "2024-01-15", "2026-01-14");
        art60.socialRightsBuiltUp(false);
        String id = created(art60);
        art60.socialRightsBuiltUp(true);
        invalid(as(org, "coach")).body(Requests.replacing(art60)).put(instruments() + "/" + id).then().statusCode(428);
        problem(update(id, "\"0\"", art60), 422, "instrument-outside-trajectory",
                "Trajectory '" + trajectory + "' runs from 2024-01-01 to 2025-12-31.", instruments() + "/" + id);
        art60.plannedEndDate(LocalDate.parse("2025-12-31"));
        update(id, "\"0\"", art60).statusCode(200).header("ETag", equalTo("\"1\""))
                .body("socialRightsBuiltUp", equalTo(true)).body("plannedEndDate", equalTo("2025-12-31"));
        problem(update(id, "\"0\"", art60), 412, "precondition-failed").body("currentETag", equalTo("\"1\""));
    }

    @Test
    void updatesKeepTheRules() {
        String wes = created(instrument("WES", "2024-01-01", "2024-03-31"));
        String ibo = created(instrument("IBO", "2024-05-01", "2024-06-30"));
        update(wes, "\"0\"", instrument("WES", "2024-01-01", "2024-04-30")).statusCode(200);
        update(wes, "\"1\"", instrument("WES", "2024-01-01", "2024-05-01")).statusCode(409)
                .body("code", equalTo("instrument-overlap")).body("detail", containsString(ibo));
        problem(update(ibo, "\"0\"", instrument("IBO", "2024-05-01", "2024-11-01")), 422, "instrument-max-duration",
                "A IBO starting 2024-05-01 ends at the latest 2024-10-31 (6 months).", instruments() + "/" + ibo);
        problem(update(ibo, "\"0\"", instrument("WES", "2024-05-01", "2024-06-30")), 422, "instrument-type-fixed",
                "Instrument '" + ibo + "' is a IBO; register a new instrument instead.", instruments() + "/" + ibo);
        coach = data.coach(ocmw, null);
        problem(update(wes, "\"1\"", instrument("WES", "2024-01-01", "2024-04-30")), 422, "coach-not-trained",
                "Coach '" + coach + "' has not followed VDAB's registration training.", instruments() + "/" + wes);
    }

    @Test
    void twoInstrumentsPerYearIsTheTarget() {
        created(instrument("WES", "2024-01-01", "2024-03-31"));
        as(org, "coach").get("/trajectories/" + trajectory).then()
                .body("instrumentYears.instrumentsStarted", contains(1, 0))
                .body("instrumentYears.targetMet", contains(false, false))
                .body("instrumentTargetMet", equalTo(false));
        created(instrument("IBO", "2024-12-01", "2024-12-31"));
        created(instrument("WES", "2025-01-01", "2025-01-31"));
        created(instrument("IBO", "2025-02-01", "2025-02-28"));
        as(org, "coach").get("/trajectories/" + trajectory).then()
                .body("instrumentYears.targetMet", contains(true, true)).body("instrumentTargetMet", equalTo(true));
    }

    @Test
    void theTargetCountsInstrumentsByTheYearTheyStart() {
        created(instrument("WES", "2024-01-01", "2024-03-31"));
        created(instrument("IBO", "2024-12-01", "2024-12-31"));
        as(org, "coach").get("/trajectories/" + trajectory).then()
                .body("instrumentYears.instrumentsStarted", contains(2, 0))
                .body("instrumentYears.targetMet", contains(true, false));
    }
}
