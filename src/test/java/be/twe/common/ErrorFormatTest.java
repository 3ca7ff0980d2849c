package be.twe.common;

import static be.twe.support.Api.plain;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorFormatTest {

    /** A test-only endpoint that fails like a bug would. */
    @Path("/test-only/failure")
    public static class FailingResource {
        @GET
        @PermitAll
        public String fail() {
            throw new IllegalStateException("select secret from db -- must never reach the client");
        }
    }

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void unknownPathIsAProblem() {
        Map<String, Object> body = invalid(as("vdab", "analyst")).get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").extract().jsonPath().getMap("");
        assertTrue(body.remove("traceId").toString().matches("[0-9a-f]{32}"), "the request's W3C trace id");
        assertEquals(Map.of("type", "urn:problem-type:twe:not-found", "code", "not-found",
                "title", "Not found", "status", 404, "detail", "No resource at this path.",
                "instance", Api.BASE + "/no-such-thing"), body);
    }

    /** A caller that sends a W3C traceparent finds its own trace id in the problem (and the log). */
    @Test
    void theTraceIdOfAnIncomingTraceparentComesBackInTheProblem() {
        problem(invalid(as("ocmw-44021", "coach")).header("traceparent", TRACEPARENT)
                .get("/trajectories/" + java.util.UUID.randomUUID()).then(), 404, "not-found")
                .body("traceId", equalTo(TRACE_ID));
        invalid(as("vdab", "analyst")).header("traceparent", TRACEPARENT).get("/test-only/failure").then()
                .statusCode(500).body("traceId", equalTo(TRACE_ID));
        problem(invalid(plain()).header("traceparent", TRACEPARENT)
                .get("/municipalities").then(), 401, "unauthenticated").body("traceId", equalTo(TRACE_ID));
    }

    @Test
    void aMalformedTraceparentStartsATraceOfItsOwn() {
        String traceId = problem(invalid(as("ocmw-44021", "coach")).header("traceparent", "00-zz-yy-01")
                .get("/trajectories/" + java.util.UUID.randomUUID()).then(), 404, "not-found")
                .extract().path("traceId");
        assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.equals(TRACE_ID), traceId);
    }

    @Test
    void unexpectedErrorsCarryATraceIdAndNothingInternal() {
        invalid(as("vdab", "analyst")).get("/test-only/failure").then().statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("internal-error"))
                .body("traceId", matchesPattern("[0-9a-f]{32}"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("select")))
                .body(not(containsString("be.twe")));
    }

    @Test
    void anInvalidTokenIs401() {
        invalid(plain().header("Authorization", "Bearer not-a-jwt"))
                .get("/municipalities").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthenticated"));
    }

    @Test
    void aWrongMethodSaysWhichOnesThePathTakes() {
        problem(invalid(as("vdab", "analyst")).delete("/trajectories").then(), 405, "method-not-allowed")
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"))
                .body("detail", equalTo("This path takes GET, HEAD, OPTIONS, POST."))
                .body("instance", equalTo(Api.BASE + "/trajectories"));
    }

    @Test
    void aWrongContentTypeSaysWhichOnesTheOperationTakes() {
        problem(invalid(as("ocmw-44021", "coach")).contentType("text/plain").body("x").post("/trajectories").then(),
                415, "unsupported-media-type")
                .body("detail", startsWith("This operation takes application/json; the request has text/plain"));
    }

    @Test
    void anUnacceptableAcceptSaysWhatTheOperationAnswers() {
        problem(invalid(as("vdab", "analyst")).accept("application/xml").get("/statistics/starts").then(),
                406, "not-acceptable")
                .body("detail", equalTo("This operation answers application/json, "
                        + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, text/csv (and problems as "
                        + "application/problem+json); the Accept header allows none of them."));
    }

    @Test
    void optionsIsAnsweredWithoutCors() {
        invalid(as("vdab", "analyst")).options("/trajectories").then().statusCode(200)
                .header("Allow", containsString("POST"));
    }
}
