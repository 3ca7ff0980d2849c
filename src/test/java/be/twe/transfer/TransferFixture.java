package be.twe.transfer;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import be.twe.support.Requests;
import be.twe.support.TestData;

/** Trajectories and transfers of one fresh OCMW, made through the API as its coach, and VDAB's SPOC. */
final class TransferFixture {
    final String ocmw;
    final UUID coach;

    TransferFixture(TestData data, String nisCode) {
        ocmw = data.newOcmw(nisCode);
        coach = data.accreditedCoach(ocmw);
    }

    RequestSpecification coachRequest() {
        return as(ocmw, "coach");
    }

    static RequestSpecification spoc() {
        return as("vdab", "spoc");
    }

    String trajectory(LocalDate start) {
        return coachRequest().body(json(Requests.trajectory(ocmw, coach, start))).post("/trajectories").then()
                .statusCode(201)
                .extract().path("id");
    }

    /** A trajectory that reached 24 months {@code monthsAgo} months ago (still open). */
    String fullTrajectory(int monthsAgo) {
        return trajectory(LocalDate.now().minusMonths(24 + monthsAgo));
    }

    static LocalDate plannedEnd(LocalDate start) {
        return start.plusMonths(24).minusDays(1);
    }

    static Map<String, Object> body(String reason, String channel, LocalDate date, boolean endsTrajectory) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("channel", channel);
        body.put("transferDate", date.toString());
        if (endsTrajectory) {
            // "maximum duration reached" ends a trajectory only at 24 months: other transfers end it early
            body.put("trajectoryEnd", Map.of("endReason", reason.equals("MAX_DURATION_REACHED") ? reason : "STOPPED_EARLY",
                    "endAdvice", "Verder begeleiden naar werk via VDAB."));
        }
        return body;
    }

    ValidatableResponse create(String trajectoryId, Map<String, Object> body) {
        return create(coachRequest(), trajectoryId, body);
    }

    static ValidatableResponse create(RequestSpecification request, String trajectoryId, Map<String, Object> body) {
        return request.body(body).post("/trajectories/" + trajectoryId + "/transfers").then();
    }

    /** A transfer of a trajectory that reached 24 months, ended by the transfer on its planned end. */
    String requested() {
        LocalDate start = LocalDate.now().minusMonths(26);
        String trajectory = trajectory(start);
        return create(trajectory, body("MAX_DURATION_REACHED", "SPOC_NOTE", plannedEnd(start), true))
                .statusCode(201).extract().path("id");
    }

    static String etag(String transferId) {
        return spoc().get("/transfers/" + transferId).then().statusCode(200).extract().header("ETag");
    }

    /** Takes a step ({@code acknowledgement}, {@code dispatch}, {@code return}, {@code answer}) with the current ETag. */
    static ValidatableResponse step(RequestSpecification request, String transferId, String step, Map<String, ?> body) {
        return request.header("If-Match", etag(transferId)).body(body)
                .post("/transfers/" + transferId + "/" + step).then();
    }

    static ValidatableResponse acknowledge(String transferId) {
        return step(spoc(), transferId, "acknowledgement", Map.of());
    }

    static ValidatableResponse dispatch(String transferId) {
        return step(spoc(), transferId, "dispatch", Map.of("destinationKind", "TEAM", "destination", "Team Gent-Zuid"));
    }
}
