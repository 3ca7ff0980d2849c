package be.twe.common.error;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Api.plain;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import be.twe.api.model.CoachInput;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;

/** Inputs that answered 500 when tried from outside (issue 17), each now a 4xx naming what is wrong. */
@QuarkusTest
class NoServerErrorTest {
    @Inject
    TestData data;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void anEmptyAcceptHeaderMeansAnyMediaType() {
        invalid(as("vdab", "analyst")).header("Accept", "").get("/municipalities").then().statusCode(200);
        invalid(as("vdab", "analyst")).header("Accept", "").get("/no-such-thing").then().statusCode(404);
    }

    @Test
    void aMalformedAcceptOrContentTypeIsABadRequestNamingTheHeader() {
        problem(invalid(as("vdab", "analyst")).header("Accept", "???").get("/municipalities").then(), 400,
                "invalid-input").body("issues[0].location", equalTo("header")).body("issues[0].name", equalTo("Accept"));
        String ocmw = data.newOcmw();
        problem(invalid(as(ocmw, "admin")).contentType("no slash").body("{}".getBytes())
                .post("/organisations/" + ocmw + "/coaches").then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("Content-Type"));
    }

    @Test
    void anUploadWithAnEmptyContentTypeIs415() {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        problem(invalid(as(ocmw, "coach")).config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", "").body(TestFiles.pdf())
                .queryParam("kind", "POP").queryParam("title", "Plan").queryParam("fileName", "plan.pdf")
                .post("/trajectories/" + trajectory + "/documents").then(), 415, "unsupported-media-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"startFrom=-999999999-01-01", "startTo=+999999999-12-31", "startFrom=1899-12-31",
            "modifiedSince=-999999999-01-01T00:00:00Z", "modifiedSince=+999999999-12-31T23:59:59Z"})
    void anImplausibleDateInAQueryIsRefusedByName(String parameter) {
        String name = parameter.substring(0, parameter.indexOf('='));
        problem(invalid(as("vdab", "analyst")).get("/trajectories?" + parameter).then(), 400, "invalid-input")
                .body("issues[0].location", equalTo("query")).body("issues[0].name", equalTo(name));
    }

    @Test
    void anImplausibleValidOnIsRefused() {
        problem(invalid(as("vdab", "analyst")).get("/organisations/ocmw-44021/mandates?validOn=+999999999-12-31")
                .then(), 400, "invalid-input").body("issues[0].name", equalTo("validOn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "\"9999-12-31\"", "\"0000-01-01\""})
    void anImplausibleDateInABodyIsRefusedByName(String trainedOn) {
        String ocmw = data.newOcmw();
        problem(invalid(as(ocmw, "admin")).body("{\"name\": \"Coach\", \"trainedOn\": " + trainedOn + "}")
                .post("/organisations/" + ocmw + "/coaches").then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("trainedOn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-Q1", "9999-Q4", "2016-Q4"})
    void aQuarterOutsideTheMeasureIsRefused(String quarter) {
        String ocmw = data.newOcmw();
        problem(as(ocmw, "admin").get("/organisations/" + ocmw + "/funding?quarter=" + quarter).then(), 400,
                "invalid-input").body("issues[0].name", equalTo("quarter"));
    }

    @Test
    void aTokenWithoutSubjectIsUnauthenticated() {
        String ocmw = data.newOcmw();
        problem(plain().header("Authorization", "Bearer " + Tokens.withoutSubject(ocmw, "admin"))
                .contentType("application/json").body(json(new CoachInput().name("Coach")))
                .post("/organisations/" + ocmw + "/coaches").then(), 401, "unauthenticated");
        problem(plain().header("Authorization", "Bearer " + Tokens.withoutSubject(ocmw, "admin"))
                .get("/municipalities").then(), 401, "unauthenticated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ..", "Bearer a.b.c", "Bearer", "Basic dXNlcjpwYXNz"})
    void aMalformedAuthorizationIsUnauthenticated(String authorization) {
        problem(invalid(plain()).header("Authorization", authorization).get("/municipalities").then(), 401,
                "unauthenticated");
    }

    @Test
    void aNulInAPathIsRefusedByName() {
        String ocmw = data.newOcmw();
        problem(invalid(as(ocmw, "coach")).urlEncodingEnabled(false).get("/trajectories/by-reference/a%00b").then(),
                400, "invalid-input").body("issues[0].location", equalTo("path"))
                .body("issues[0].name", equalTo("externalReference"));
    }

    @Test
    void rolesMustBeAnArrayOfKnownRoles() {
        String ocmw = data.newOcmw();
        problem(plain().header("Authorization", "Bearer " + Tokens.with(ocmw, c -> c.claim("twe_roles", "admin coach")))
                .get("/organisations/" + ocmw + "/coaches").then(), 401, "unauthenticated");
        problem(plain().header("Authorization", "Bearer " + Tokens.token(ocmw, "admin", "superuser"))
                .get("/organisations/" + ocmw + "/coaches").then(), 401, "unauthenticated");
        problem(plain().header("Authorization", "Bearer " + Tokens.with(ocmw, c -> c.remove("twe_roles")))
                .get("/municipalities").then(), 401, "unauthenticated");
        plain().header("Authorization", "Bearer " + Tokens.token(ocmw, "admin"))
                .get("/organisations/" + ocmw + "/coaches").then().statusCode(200);
    }

    /** A NUL in the subject was accepted: its reads answered 200 and its audit entries failed (issue 30). */
    @ParameterizedTest
    @ValueSource(strings = {"sub", "twe_org"})
    void aControlCharacterInAnIdentityClaimIsUnauthenticated(String claim) {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        String value = claim.equals("sub") ? "coach\u0000@" + ocmw : ocmw + "\u0001";
        String token = Tokens.with(ocmw, c -> c.claim(claim, value), "coach", "admin");
        problem(plain().header("Authorization", "Bearer " + token).get("/trajectories/" + trajectory).then(), 401,
                "unauthenticated");
        problem(plain().header("Authorization", "Bearer " + token).contentType("application/json")
                .body(json(new CoachInput().name("Coach"))).post("/organisations/" + ocmw + "/coaches").then(), 401,
                "unauthenticated");
        plain().header("Authorization", "Bearer " + Tokens.token(ocmw, "coach")).get("/trajectories/" + trajectory)
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iat", "nbf"})
    void aTokenFromTheFutureIsUnauthenticatedBeyondTheClockSkew(String claim) {
        long now = java.time.Instant.now().getEpochSecond();
        String ocmw = data.newOcmw();
        problem(plain().header("Authorization", "Bearer " + Tokens.with(ocmw, c -> c.claim(claim, now + 86_400),
                "admin")).get("/organisations/" + ocmw + "/coaches").then(), 401, "unauthenticated");
        problem(plain().header("Authorization", "Bearer " + Tokens.with(ocmw, c -> c.claim(claim, now + 120),
                "admin")).get("/organisations/" + ocmw + "/coaches").then(), 401, "unauthenticated");
        plain().header("Authorization", "Bearer " + Tokens.with(ocmw, c -> c.claim(claim, now + 20), "admin"))
                .get("/organisations/" + ocmw + "/coaches").then().statusCode(200);
    }

    @Test
    void oversizedRequestsAreAnsweredWithProblems() throws Exception {
        String ocmw = data.newOcmw();
        String bigToken = "e30." + "a".repeat(64 * 1024) + ".c2ln"; // shaped as a JWT, 64 KiB
        assertProblem(raw("GET /api/v1/municipalities HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + bigToken
                + "\r\n\r\n"), 431, "headers-too-large");
        assertProblem(raw("GET /api/v1/municipalities?x=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                414, "uri-too-long");
        String dutch = raw("GET /api/v1/municipalities?x=" + "a".repeat(10_000)
                + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: nl\r\n\r\n");
        assertProblem(dutch, 414, "uri-too-long");
        org.junit.jupiter.api.Assertions.assertTrue(dutch.toLowerCase().contains("content-language: nl")
                && dutch.contains("\"title\":\"URI te lang\""), dutch);
        assertProblem(raw("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Tokens.token(ocmw, "coach") + "\r\nContent-Type: application/x-ndjson\r\nContent-Length: 30000000"
                + "\r\n\r\n"), 413, "payload-too-large");
    }

    /** Sends a request as written and returns the answer: status line, headers and body. */
    private String raw(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void assertProblem(String answer, int status, String code) throws Exception {
        org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
        org.junit.jupiter.api.Assertions.assertTrue(answer.toLowerCase().contains(
                "content-type: application/problem+json"), answer);
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        org.junit.jupiter.api.Assertions.assertEquals(code, new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(body).path("code").asText(), answer);
    }
}
