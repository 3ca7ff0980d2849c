package be.twe.common;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;

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

    @Test
    void unknownPathIsAProblem() {
        invalid(as("vdab", "analyst")).get("/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("", equalTo(Map.of("type", "urn:problem-type:twe:not-found", "code", "not-found",
                        "title", "Not found", "status", 404, "detail", "No resource at this path.")));
    }

    @Test
    void unexpectedErrorsCarryATraceIdAndNothingInternal() {
        invalid(as("vdab", "analyst")).get("/test-only/failure").then().statusCode(500)
                .contentType("application/problem+json")
                .body("code", equalTo("internal-error"))
                .body("traceId", matchesPattern("[0-9a-f-]{36}"))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("select")))
                .body(not(containsString("be.twe")));
    }

    @Test
    void anInvalidTokenIs401() {
        invalid(io.restassured.RestAssured.given().header("Authorization", "Bearer not-a-jwt"))
                .get("/municipalities").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("code", equalTo("unauthenticated"));
    }
}
