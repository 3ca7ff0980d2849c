package be.twe.training;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.CoachInput;
import be.twe.api.model.TrainingAttendeeInput;
import be.twe.api.model.TrainingSessionInput;
import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Coach training as VDAB records it (issue 19): a coach is trained from the first registration
 * training session VDAB's trainer recorded it attending; its organisation cannot say so itself,
 * and the coaches figure counts the records.
 */
@QuarkusTest
class TrainingRecordsTest {
    @Inject
    TestData data;

    String ocmw;

    @BeforeEach
    void ocmwThatSignedTheAgreement() {
        ocmw = data.newOcmw();
        data.accreditedCoach(ocmw); // signs the partner agreement
    }

    String newCoach() {
        return as(ocmw, "admin").body(json(new CoachInput().name("Coach")))
                .post("/organisations/" + ocmw + "/coaches").then()
                .statusCode(201).body("trainedOn", equalTo(null)).extract().path("id");
    }

    static ValidatableResponse session(String heldOn, String... coaches) {
        return as("vdab", "trainer").body(json(sessionInput(heldOn, "Registratieopleiding", coaches)))
                .post("/training-sessions").then();
    }

    static TrainingSessionInput sessionInput(String heldOn, String title, String... coaches) {
        return new TrainingSessionInput().heldOn(LocalDate.parse(heldOn)).title(title)
                .coachIds(Stream.of(coaches).map(UUID::fromString)
                        .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    ValidatableResponse register(String coach) {
        return as(ocmw, "coach").body(json(Requests.trajectory(ocmw, UUID.fromString(coach), "2024-05-01")))
                .post("/trajectories").then();
    }

    @Test
    void anOcmwCannotCertifyItsOwnCoach() {
        String byVdab = "trainedOn is recorded by VDAB's trainers, from the training sessions a coach attended"
                + " (POST /training-sessions); an organisation cannot set it.";
        problem(as(ocmw, "admin").body(json(new CoachInput().name("Coach").trainedOn(LocalDate.parse("2024-01-10"))))
                .post("/organisations/" + ocmw + "/coaches").then(), 403, "training-by-vdab", byVdab,
                "/organisations/" + ocmw + "/coaches");
        String coach = newCoach();
        String path = "/organisations/" + ocmw + "/coaches/" + coach;
        problem(as(ocmw, "admin").header("If-Match", "\"0\"").body(json(new CoachInput().name("Coach")
                .trainedOn(LocalDate.parse("2024-01-10"))))
                .put(path).then(), 403, "training-by-vdab", byVdab, path);
        problem(as("vdab", "admin").header("If-Match", "\"0\"").body(json(new CoachInput().name("Coach")
                .trainedOn(LocalDate.parse("2024-01-10"))))
                .put(path).then(), 403, "training-by-vdab", byVdab, path);
        Map<String, Object> unchanged = new HashMap<>();
        unchanged.put("name", "Coach Renamed");
        unchanged.put("trainedOn", null);
        as(ocmw, "admin").header("If-Match", "\"0\"").body(unchanged).put(path).then().statusCode(200);
        problem(register(coach), 422, "coach-not-trained",
                "Coach '" + coach + "' has not followed VDAB's registration training.", "/trajectories");
    }

    @Test
    void aCoachIsTrainedFromTheFirstSessionItAttended() {
        String coach = newCoach();
        problem(register(coach), 422, "coach-not-trained",
                "Coach '" + coach + "' has not followed VDAB's registration training.", "/trajectories");
        String later = session("2024-03-01", coach).statusCode(201).header("Location", org.hamcrest.Matchers
                .startsWith(Api.BASE + "/training-sessions/")).body("source", equalTo("VDAB"))
                .body("attendees.coachId", equalTo(List.of(coach)))
                .body("attendees.organisationId", equalTo(List.of(ocmw))).extract().path("id");
        String path = "/organisations/" + ocmw + "/coaches/" + coach;
        as(ocmw, "coach").get(path).then().statusCode(200).body("trainedOn", equalTo("2024-03-01"))
                .header("ETag", equalTo("\"1\""));
        register(coach).statusCode(201);

        String earlier = session("2024-01-15").statusCode(201).body("attendees", hasSize(0)).extract().path("id");
        as("vdab", "trainer").body(json(new TrainingAttendeeInput().coachId(UUID.fromString(coach))))
                .post("/training-sessions/" + earlier + "/attendees")
                .then().statusCode(200).body("attendees", hasSize(1));
        as("vdab", "trainer").body(json(new TrainingAttendeeInput().coachId(UUID.fromString(coach))))
                .post("/training-sessions/" + earlier + "/attendees")
                .then().statusCode(200).body("attendees", hasSize(1)); // again: nothing changes
        as(ocmw, "coach").get(path).then().statusCode(200).body("trainedOn", equalTo("2024-01-15"));
        as("vdab", "analyst").get("/training-sessions/" + later).then().statusCode(200)
                .body("heldOn", equalTo("2024-03-01"));
    }

    @Test
    void onlyVdabsTrainerOrAdminRecordsAndOnlyVdabReads() {
        String coach = newCoach();
        problem(as("vdab", "analyst").body(json(sessionInput("2024-01-10", "X", coach)))
                .post("/training-sessions").then(), 403, "missing-role");
        problem(as(ocmw, "admin", "coach").body(json(sessionInput("2024-01-10", "X", coach))).post("/training-sessions")
                .then(), 403, "vdab-only");
        session("2024-01-10", coach).statusCode(201);
        as("vdab", "admin").body(json(sessionInput("2024-01-10", "X")))
                .post("/training-sessions").then().statusCode(201);
        problem(session("2024-01-10", UUID.randomUUID().toString()), 422, "unknown-coach");
        problem(as("vdab", "trainer").get("/training-sessions/" + UUID.randomUUID()).then(), 404, "not-found");
        String id = session("2024-02-02").extract().path("id");
        problem(as(ocmw, "admin").get("/training-sessions/" + id).then(), 403, "vdab-only");
    }

    @Test
    void theCoachesFigureCountsVdabsRecords() {
        String a = newCoach();
        String b = newCoach();
        String c = newCoach();
        session("2023-05-10", a, b).statusCode(201);
        session("2024-02-01", b, c).statusCode(201); // b was trained in 2023 already
        Map<Integer, Long> recorded = data.rows("select t.coach_id, extract(year from min(s.held_on))::int from training_attendance t "
                        + "join training_session s on s.id = t.session_id join coach co on co.id = t.coach_id "
                        + "where co.organisation_id = ?1 group by t.coach_id", ocmw).stream()
                .collect(Collectors.groupingBy(row -> Integer.valueOf(row.split("\\|")[1]), Collectors.counting()));
        recorded.merge(2017, 1L, Long::sum); // the accredited coach of the set-up, trained by fixture in 2017
        Map<Integer, Long> figure = as(ocmw, "analyst").get("/statistics/coaches?groupBy=year").then().statusCode(200)
                .extract().jsonPath().getList("rows", Map.class).stream().collect(Collectors.toMap(
                        r -> ((Number) r.get("year")).intValue(), r -> ((Number) r.get("coachesTrained")).longValue()));
        assertEquals(Map.of(2017, 1L, 2023, 2L, 2024, 1L), figure);
        assertEquals(recorded, figure);
    }
}
