package be.twe.trajectory;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.exactly;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.InstrumentOutcome;
import be.twe.api.model.InstrumentType;
import be.twe.api.model.TrajectoryEndReason;
import be.twe.api.model.TransferChannel;
import be.twe.api.model.TransferReason;
import be.twe.support.Imports;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Rules that let wrong data in before (issue 29, items 1, 2 and 4; item 3 is in InstrumentApiTest):
 * each refused, or recorded alike, on every path that writes it.
 */
@QuarkusTest
class RegulationGapsTest {
    @Inject
    TestData data;

    static Map<String, Object> trajectory(String ocmw, UUID coach, String start) {
        return Map.of("ocmwId", ocmw, "clientInsz", newInsz(), "startDate", start, "coachId", coach.toString());
    }

    /** Puurs-Sint-Amands exists from 2019: before, Puurs (12030) and Sint-Amands (12034) registered. */
    @Test
    void aTrajectoryOfAnOcmwFormedIn2019CannotStartBeforeIt() {
        String ocmw = "ocmw-12041";
        UUID coach = data.accreditedCoach(ocmw);
        String detail = "OCMW 'ocmw-12041' exists from 2019-01-01: register what starts before then under "
                + "ocmw-12030 or ocmw-12034, which existed on 2017-05-02.";
        ValidatableResponse refused = as(ocmw, "coach").body(trajectory(ocmw, coach, "2017-05-02"))
                .post("/trajectories").then();
        problem(refused, 422, "ocmw-not-yet-formed", detail, "/trajectories");
        problem(as(ocmw, "coach").body(trajectory(ocmw, coach, "2018-12-31")).post("/trajectories").then(), 422,
                "ocmw-not-yet-formed", detail.replace("2017-05-02", "2018-12-31"), "/trajectories");
        problem(as(ocmw, "coach").header("If-Match", "*").body(trajectory(ocmw, coach, "2018-03-01"))
                .put("/trajectories/by-reference/PSA-1").then(), 422, "ocmw-not-yet-formed",
                detail.replace("2017-05-02", "2018-03-01"), "/trajectories/by-reference/PSA-1");
        problem(as("vdab", "helpdesk").body(trajectory(ocmw, coach, "2017-05-02")).post("/trajectories").then(),
                422, "ocmw-not-yet-formed", detail, "/trajectories");
        as(ocmw, "coach").body(trajectory(ocmw, coach, "2019-01-01")).post("/trajectories").then().statusCode(201);

        String job = Imports.submit(ocmw, List.of(Imports.line("createTrajectory", Map.of(),
                trajectory(ocmw, coach, "2018-06-01"))));
        Imports.awaitFinished(ocmw, job, Duration.ofSeconds(60));
        Map<String, Object> line = Imports.report(ocmw, job).get(0);
        assertEquals("FAILED", line.get("status"));
        assertEquals("ocmw-not-yet-formed", ((Map<?, ?>) line.get("problem")).get("code"));

        assertEquals(0, data.count("select count(*) from trajectory where ocmw_id = ?1 and start_date < ?2",
                ocmw, LocalDate.of(2019, 1, 1)));
    }

    /** Beveren-Kruibeke-Zwijndrecht (2025) names the three OCMWs of 2024, through every merger before. */
    @Test
    void anOcmwFormedIn2025NamesTheOcmwsThatExistedOnTheDate() {
        String ocmw = "ocmw-46030";
        UUID coach = data.accreditedCoach(ocmw);
        as(ocmw, "coach").body(trajectory(ocmw, coach, "2024-12-31")).post("/trajectories").then().statusCode(422)
                .body("", exactly(422, "ocmw-not-yet-formed", "OCMW not yet formed", "OCMW 'ocmw-46030' exists from "
                        + "2025-01-01: register what starts before then under ocmw-11056 or ocmw-46003 or ocmw-46013, "
                        + "which existed on 2024-12-31.", "/trajectories"));
    }

    /** "Maximum duration reached" is true only at 24 months, whichever way the trajectory ends. */
    @Test
    void maximumDurationReachedIsRefusedBeforeTwentyFourMonthsOnEveryEndingPath() {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String early = Registrations.trajectory(ocmw, ocmw, coach, "2023-01-01");
        ValidatableResponse end = as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2023-12-01", TrajectoryEndReason.MAX_DURATION_REACHED, "Naar VDAB.")))
                .post("/trajectories/" + early + "/end")
                .then();
        problem(end, 422, "max-duration-not-reached",
                "Trajectory '" + early + "' reaches 24 months on 2024-12-31; it ends on 2023-12-01.",
                "/trajectories/" + early + "/end");
        ValidatableResponse transfer = as(ocmw, "coach")
                .body(json(Requests.transfer(TransferReason.LONG_TRAINING, TransferChannel.VEO, "2023-12-01")
                        .trajectoryEnd(Requests.transferEnd(TrajectoryEndReason.MAX_DURATION_REACHED, "Naar VDAB."))))
                .post("/trajectories/" + early + "/transfers").then();
        problem(transfer, 422, "max-duration-not-reached",
                "Trajectory '" + early + "' reaches 24 months on 2024-12-31; it ends on 2023-12-01.",
                "/trajectories/" + early + "/transfers");
        as(ocmw, "coach").get("/trajectories/" + early).then().body("status", equalTo("OPEN"));
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-12-31", TrajectoryEndReason.MAX_DURATION_REACHED, "Naar VDAB.")))
                .post("/trajectories/" + early + "/end")
                .then().statusCode(200);
    }

    /**
     * VDAB taking over an IBO gives the same transfer whether the trajectory's end took it over or
     * the IBO's own end recorded it, and so the same figures.
     */
    @Test
    void aManualIboTakeOverCreatesTheSameTransferAsTheAutomaticOne() {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String automatic = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        ibo(ocmw, coach, automatic, "2024-05-01", "2024-07-31");
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.STOPPED_EARLY, "IBO loopt verder bij VDAB.")))
                .post("/trajectories/" + automatic + "/end").then().statusCode(200);

        String manual = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String ibo = ibo(ocmw, coach, manual, "2024-05-01", "2024-06-30");
        String endIbo = "/trajectories/" + manual + "/instruments/" + ibo + "/end";
        problem(as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-06-30", InstrumentOutcome.TAKEN_OVER_BY_VDAB))).post(endIbo)
                .then(), 422, "takeover-before-end", "VDAB takes over a running IBO when trajectory '" + manual
                + "' ends: end the trajectory, which takes over an IBO that runs past its end.", endIbo);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.STOPPED_EARLY, "IBO loopt verder bij VDAB.")))
                .post("/trajectories/" + manual + "/end").then().statusCode(200);
        as(ocmw, "coach").get("/trajectories/" + manual + "/transfers").then().body("items", hasSize(0));
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-06-30", InstrumentOutcome.TAKEN_OVER_BY_VDAB))).post(endIbo)
                .then().statusCode(200);

        for (String trajectory : List.of(automatic, manual)) {
            as(ocmw, "coach").get("/trajectories/" + trajectory + "/transfers").then().statusCode(200)
                    .body("items.reason", contains("IBO_TAKEN_OVER"))
                    .body("items.channel", contains("VDAB_MONITORING"))
                    .body("items.transferDate", contains("2024-06-30"))
                    .body("items.status", contains("REQUESTED"))
                    .body("items.requestedBy", contains(ocmw));
        }
        as(ocmw, "coach").queryParam("groupBy", "reason").get("/statistics/transfers").then().statusCode(200)
                .body("rows.reason", contains("IBO_TAKEN_OVER")).body("rows.transfers", contains(2));
        as(ocmw, "coach").queryParam("groupBy", "instrumentType").get("/statistics/instruments").then()
                .statusCode(200).body("rows.takenOver", contains(2));
    }

    /** A manual take-over while another transfer hands the file over adds no second transfer. */
    @Test
    void aManualTakeOverDuringAnOpenTransferAddsNone() {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String ibo = ibo(ocmw, coach, trajectory, "2024-05-01", "2024-06-30");
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.end("2024-06-30", TrajectoryEndReason.LONG_TRAINING, "Opleiding via VeO.")))
                .post("/trajectories/" + trajectory + "/end").then().statusCode(200);
        as(ocmw, "coach").body(json(Requests.transfer(TransferReason.LONG_TRAINING, TransferChannel.VEO, "2024-06-30")))
                .post("/trajectories/" + trajectory + "/transfers").then().statusCode(201);
        as(ocmw, "coach").header("If-Match", "\"0\"")
                .body(json(Requests.instrumentEnd("2024-06-30", InstrumentOutcome.TAKEN_OVER_BY_VDAB)))
                .post("/trajectories/" + trajectory + "/instruments/" + ibo + "/end")
                .then().statusCode(200);
        as(ocmw, "coach").get("/trajectories/" + trajectory + "/transfers").then()
                .body("items.reason", contains("LONG_TRAINING"));
    }

    static String ibo(String ocmw, UUID coach, String trajectory, String start, String plannedEnd) {
        return as(ocmw, "coach").body(json(Requests.instrument(InstrumentType.IBO, start, plannedEnd, coach)
                .employer("Garage Peeters")))
                .post("/trajectories/" + trajectory + "/instruments").then().statusCode(201).extract().path("id");
    }
}
