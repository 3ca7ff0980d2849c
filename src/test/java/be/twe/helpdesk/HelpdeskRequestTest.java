package be.twe.helpdesk;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.HelpdeskAnswer;
import be.twe.api.model.HelpdeskRequestInput;
import be.twe.api.model.HelpdeskRequestKind;
import be.twe.api.model.InstrumentType;
import be.twe.support.Api;
import be.twe.support.Parallel;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Requests to VDAB's helpdesk as data (issue 29, item 8; 2017 question): an OCMW or its cluster
 * files them, VDAB's helpdesk answers, fulfils with the registrations it made, or refuses, and the
 * helpdesk figure counts them by kind and outcome beside those registrations.
 */
@QuarkusTest
class HelpdeskRequestTest {
    @Inject
    TestData data;

    String ocmw;
    UUID coach;

    @BeforeEach
    void ocmw() {
        ocmw = data.newOcmw();
        coach = data.accreditedCoach(ocmw);
    }

    ValidatableResponse file(String caller, String role, String kind, String trajectoryId) {
        HelpdeskRequestInput body = new HelpdeskRequestInput().ocmwId(ocmw).kind(HelpdeskRequestKind.fromValue(kind))
                .description("Onze begeleiders zijn nog niet opgeleid.")
                .trajectoryId(trajectoryId == null ? null : UUID.fromString(trajectoryId));
        return as(caller, role).body(json(body)).post("/helpdesk-requests").then();
    }

    ValidatableResponse answer(String id, String version, Map<String, ?> body) {
        return as("vdab", "helpdesk").header("If-Match", "\"" + version + "\"").body(body)
                .post("/helpdesk-requests/" + id + "/answer").then();
    }

    @Test
    void theHelpdeskFulfilsARequestToRegisterWithTheRegistrationsItMade() {
        String id = file(ocmw, "coach", "REGISTRATION", null).statusCode(201)
                .header("Location", startsWith(Api.BASE + "/helpdesk-requests/")).header("ETag", "\"0\"")
                .body("status", equalTo("OPEN")).body("requestedBy", equalTo(ocmw)).body("answer", nullValue())
                .body("registrations", hasSize(0)).extract().path("id");
        String made = as("vdab", "helpdesk").body(json(Requests.trajectory(ocmw, coach, "2024-02-01")))
                .post("/trajectories").then()
                .statusCode(201).body("onBehalf", equalTo(true)).extract().path("id");

        problem(answer(id, "0", Map.of("outcome", "FULFILLED")), 400, "invalid-input")
                .body("issues.name", contains("registrations"));
        String own = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01"); // the OCMW's own, not the helpdesk's
        problem(answer(id, "0", Map.of("outcome", "FULFILLED", "registrations", List.of(
                Map.of("resourceType", "trajectory", "resourceId", own)))), 400, "invalid-input")
                .body("issues.name", contains("registrations[0].resourceId"));
        problem(as(ocmw, "helpdesk", "coach").header("If-Match", "\"0\"").body(json(new HelpdeskAnswer()
                .outcome(HelpdeskAnswer.OutcomeEnum.ANSWERED).answer("x")))
                .post("/helpdesk-requests/" + id + "/answer").then(), 403, "vdab-only");
        problem(as("vdab", "spoc").header("If-Match", "\"0\"").body(json(new HelpdeskAnswer()
                .outcome(HelpdeskAnswer.OutcomeEnum.ANSWERED).answer("x")))
                .post("/helpdesk-requests/" + id + "/answer").then(), 403, "missing-role");

        answer(id, "0", Map.of("outcome", "FULFILLED", "registrations", List.of(
                Map.of("resourceType", "trajectory", "resourceId", made)))).statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("FULFILLED"))
                .body("registrations.resourceId", contains(made));
        problem(answer(id, "1", Map.of("outcome", "REFUSED", "answer", "Toch niet.")), 409, "illegal-transition",
                "Helpdesk request '" + id + "' was FULFILLED already.", "/helpdesk-requests/" + id + "/answer");
        as(ocmw, "coach").get("/helpdesk-requests/" + id).then().statusCode(200)
                .body("status", equalTo("FULFILLED")).body("answeredAt", notNullValue());
    }

    @Test
    void aClusterFilesForItsOcmwAndTheHelpdeskRecordsOneTakenByPhone() {
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusYears(1), null);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String byCluster = file(cluster, "coach", "CORRECTION", trajectory).statusCode(201)
                .body("requestedBy", equalTo(cluster)).body("trajectoryId", equalTo(trajectory)).extract().path("id");
        String byPhone = file("vdab", "helpdesk", "QUESTION", null).statusCode(201)
                .body("requestedBy", equalTo("vdab")).extract().path("id");
        String stranger = data.newOcmw(); // files for an OCMW it does not act for
        problem(file(stranger, "coach", "QUESTION", null), 422, "unknown-ocmw", "No OCMW '" + ocmw
                + "' that you act for (own OCMW, one that merged into it, or a mandate valid today).",
                "/helpdesk-requests");
        String elsewhere = data.newOcmw();
        String theirs = Registrations.trajectory(elsewhere, elsewhere, data.accreditedCoach(elsewhere), "2024-01-01");
        problem(file("vdab", "helpdesk", "CORRECTION", theirs), 400, "invalid-input")
                .body("issues.name", contains("trajectoryId"));

        as("vdab", "helpdesk").get("/helpdesk-requests?status=OPEN&ocmwId=" + ocmw).then().statusCode(200)
                .body("items.id", contains(byCluster, byPhone));
        as(ocmw, "coach").get("/helpdesk-requests?kind=QUESTION").then().body("items.id", contains(byPhone));
        as(elsewhere, "coach").get("/helpdesk-requests").then().body("items", hasSize(0));
        problem(as(elsewhere, "coach").get("/helpdesk-requests/" + byPhone).then(), 404, "not-found");
        problem(answer(byPhone, "0", Map.of("outcome", "REFUSED")), 400, "invalid-input")
                .body("issues.name", contains("answer"));
        answer(byPhone, "0", Map.of("outcome", "ANSWERED", "answer", "Zie de handleiding, hoofdstuk 3."))
                .statusCode(200).body("status", equalTo("ANSWERED"));
    }

    /** Answered once, also when the helpdesk's answers cross: the version decides (one 200, the others 412). */
    @Test
    void parallelAnswersLeaveOneOutcome() throws Exception {
        String id = file(ocmw, "coach", "QUESTION", null).statusCode(201).extract().path("id");
        List<Integer> statuses = Parallel.statuses(6, i -> answer(id, "0", Map.of("outcome", "ANSWERED",
                "answer", "Antwoord " + i)).extract().statusCode());
        assertEquals(1, Parallel.count(statuses, 200), statuses.toString());
        assertEquals(5, Parallel.count(statuses, 412), statuses.toString());
        assertEquals(1, data.count("select version from helpdesk_request where id = cast(?1 as uuid)", id));
    }

    /** The 2017 question: requests by kind and outcome, beside the registrations made for them. */
    @Test
    void theHelpdeskFigureCountsRequestsByKindAndOutcome() {
        String fulfilled = file(ocmw, "coach", "REGISTRATION", null).statusCode(201).extract().path("id");
        file(ocmw, "coach", "REGISTRATION", null).statusCode(201);
        String question = file(ocmw, "coach", "QUESTION", null).statusCode(201).extract().path("id");
        String made = as("vdab", "helpdesk").body(json(Requests.trajectory(ocmw, coach, "2024-02-01")))
                .post("/trajectories").then()
                .statusCode(201).extract().path("id");
        String instrument = as("vdab", "helpdesk")
                .body(json(Requests.instrument(InstrumentType.WES, "2024-03-01", "2024-04-30", coach)
                .employer("Bakkerij Peeters")))
                .post("/trajectories/" + made + "/instruments").then().statusCode(201).extract().path("id");
        answer(fulfilled, "0", Map.of("outcome", "FULFILLED", "registrations", List.of(
                Map.of("resourceType", "trajectory", "resourceId", made),
                Map.of("resourceType", "instrument", "resourceId", instrument)))).statusCode(200);
        answer(question, "0", Map.of("outcome", "ANSWERED", "answer", "Ja.")).statusCode(200);

        int year = LocalDate.now().getYear();
        List<Map<String, Object>> rows = as(ocmw, "analyst")
                .get("/statistics/helpdesk?groupBy=resourceType,requestKind,requestOutcome").then().statusCode(200)
                .extract().jsonPath().getList("rows");
        assertEquals(List.of(
                request("QUESTION", "ANSWERED", 1, 0), request("REGISTRATION", "FULFILLED", 1, 2),
                request("REGISTRATION", "OPEN", 1, 0)),
                rows.stream().filter(r -> "HELPDESK_REQUEST".equals(r.get("resourceType"))).toList());
        Map<String, Object> total = as(ocmw, "analyst").get("/statistics/helpdesk?groupBy=year&fromYear=" + year)
                .then().statusCode(200).extract().jsonPath().getMap("rows[0]");
        assertEquals(3, total.get("requests"));
        assertEquals(2, total.get("registrationsForRequests"));
    }

    static Map<String, Object> request(String kind, String outcome, int requests, int made) {
        return Map.of("resourceType", "HELPDESK_REQUEST", "requestKind", kind, "requestOutcome", outcome,
                "registrations", 0, "byHelpdesk", 0, "requests", requests, "registrationsForRequests", made);
    }
}
