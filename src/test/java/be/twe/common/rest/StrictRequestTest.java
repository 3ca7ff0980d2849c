package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import be.twe.api.model.PartnerAgreementInput;
import be.twe.support.Bodies;
import be.twe.support.Contract;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.parser.OpenAPIV3Parser;

/** Requests are read strictly: what the contract does not define is refused, never ignored or guessed. */
@QuarkusTest
class StrictRequestTest {
    private static final String VDAB = "vdab";
    private static final String[] ALL_ROLES = {"coach", "admin", "analyst", "spoc", "helpdesk"};

    @Inject
    TestData data;

    /** An operation, with the media type of its body when it takes one. */
    record Call(String operationId, PathItem.HttpMethod method, String path, String body) {
        @Override
        public String toString() {
            return operationId;
        }
    }

    /** Every operation of the contract, its path parameters filled with values of the right shape. */
    static Stream<Call> everyOperation() {
        OpenAPI contract = new OpenAPIV3Parser().read(Contract.LOCATION);
        List<Call> calls = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) ->
                calls.add(new Call(operation.getOperationId(), method, filled(template), bodyType(contract, operation)))));
        return calls.stream();
    }

    private static String bodyType(OpenAPI contract, Operation operation) {
        RequestBody body = operation.getRequestBody();
        if (body != null && body.get$ref() != null) {
            body = contract.getComponents().getRequestBodies().get(body.get$ref().replaceFirst(".*/", ""));
        }
        return body == null ? null : body.getContent().keySet().iterator().next();
    }

    private static String filled(String template) {
        return template.replaceAll("\\{(organisationId)\\}", "vdab")
                .replaceAll("\\{(nisCode)\\}", "44021")
                .replaceAll("\\{(versionNumber)\\}", "1")
                .replaceAll("\\{(externalReference)\\}", "ref-1")
                .replaceAll("\\{[a-zA-Z]+\\}", UUID.randomUUID().toString());
    }

    @ParameterizedTest
    @MethodSource("everyOperation")
    void anUnknownQueryParameterIsRefusedByName(Call call) {
        var request = invalid(as(VDAB, ALL_ROLES)).queryParam("stauts", "ENDED");
        if (call.body() != null) {
            request = request.contentType(call.body()).body("{}".getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(call.method().name(), call.path());
        problem(response.then(), 400, "invalid-input")
                .body("issues", hasSize(1))
                .body("issues[0].location", equalTo("query"))
                .body("issues[0].name", equalTo("stauts"));
    }

    @Test
    void theRefusalSaysWhichParametersTheOperationTakes() {
        invalid(as(VDAB, "analyst")).queryParam("grupBy", "municipality").get("/statistics/starts").then()
                .statusCode(400).body("issues[0].name", equalTo("grupBy"))
                .body("issues[0].detail", equalTo("Unknown parameter; this operation takes clusterId, disclosure, "
                        + "fromYear, groupBy, municipalities, nisCode, province, toYear."));
        invalid(as(VDAB, "analyst")).queryParam("years", "2027").get("/statistics/starts").then()
                .statusCode(400).body("issues[0].name", equalTo("years"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2026-11-02T00:00:00Z\"", "20000", "[2024, 2, 1]", "\"2024-2-1\"", "\"2024-02-30\""})
    void aBodyDateIsAStringOfTheFormYearMonthDay(String startDate) {
        String body = "{\"ocmwId\": \"ocmw-44021\", \"clientInsz\": \"" + TestData.newInsz() + "\", \"coachId\": \""
                + UUID.randomUUID() + "\", \"startDate\": " + startDate + "}";
        problem(invalid(as("ocmw-44021", "coach")).body(body).post("/trajectories").then(), 400, "invalid-input")
                .body("issues[0].location", equalTo("body"))
                .body("issues[0].name", equalTo("startDate"))
                .body("issues[0].detail", equalTo("Must be a date as YYYY-MM-DD (a JSON string) in the years 1900 to 2100."));
    }

    @Test
    void aWrongEnumValueIsNamedWithTheAllowedOnes() {
        String body = "{\"type\": \"XYZ\", \"startDate\": \"2024-03-01\", \"plannedEndDate\": \"2024-04-30\", "
                + "\"coachId\": \"" + UUID.randomUUID() + "\"}";
        problem(invalid(as("ocmw-44021", "coach")).body(body).post("/trajectories/" + UUID.randomUUID() + "/instruments")
                .then(), 400, "invalid-input")
                .body("issues[0].name", equalTo("type"))
                .body("issues[0].value", equalTo("XYZ"))
                .body("issues[0].detail", equalTo("Must be one of BVS, ART60, TRAINING, WES, IBO."));
        problem(invalid(as("ocmw-44021", "coach")).queryParam("status", "CLOSED").get("/trajectories").then(),
                400, "invalid-input")
                .body("issues[0].location", equalTo("query"))
                .body("issues[0].value", equalTo("CLOSED"))
                .body("issues[0].detail", equalTo("Must be one of OPEN, ENDED."));
    }

    @Test
    void ifMatchIsAnEntityTagAListOfThemOrAStar() {
        String ocmw = data.newOcmw();
        UUID coach = data.coach(ocmw, null);
        String path = "/organisations/" + ocmw + "/coaches/" + coach;
        Map<String, Object> body = Bodies.replacing(Map.of("name", "Coach"), Bodies.COACH);
        problem(invalid(as(ocmw, "admin")).body(body).put(path).then(), 428, "precondition-required");
        for (String malformed : List.of("1", "\"1", "1\"", "\"1\" \"2\"")) {
            problem(as(ocmw, "admin").header("If-Match", malformed).body(body).put(path).then(), 400, "invalid-input")
                    .body("issues[0].location", equalTo("header"))
                    .body("issues[0].name", equalTo("If-Match"))
                    .body("issues[0].value", equalTo(malformed));
        }
        String tag = as(ocmw, "admin").get(path).then().statusCode(200).extract().header("ETag");
        problem(as(ocmw, "admin").header("If-Match", "W/" + tag).body(body).put(path).then(), 412, "precondition-failed")
                .body("currentETag", equalTo(tag));
        String next = as(ocmw, "admin").header("If-Match", "\"999\", " + tag)
                .body(Bodies.replacing(Map.of("name", "Renamed"), Bodies.COACH))
                .put(path).then().statusCode(200).extract().header("ETag");
        as(ocmw, "admin").header("If-Match", "*")
                .body(Bodies.replacing(Map.of("name", "Renamed again"), Bodies.COACH)).put(path).then().statusCode(200)
                .header("ETag", not(equalTo(next)));
    }

    @Test
    void starDoesNotMatchAPartnerAgreementThatWasNeverRecorded() {
        String ocmw = data.newOcmw();
        String path = "/organisations/" + ocmw + "/partner-agreement";
        Map<String, String> body = Map.of("signedOn", "2024-01-10");
        problem(as(ocmw, "admin").header("If-Match", "*").body(body).put(path).then(), 412, "precondition-failed");
        as(ocmw, "admin").header("If-Match", "\"0\"").body(body).put(path).then().statusCode(200);
        as(ocmw, "admin").header("If-Match", "*").body(body).put(path).then().statusCode(200);
    }

    @Test
    void aFirstPartnerAgreementIsOneFeedEntry() {
        String ocmw = data.newOcmw();
        as(ocmw, "admin").header("If-Match", "\"0\"").body(json(new PartnerAgreementInput()
                .signedOn(LocalDate.parse("2024-01-10"))))
                .put("/organisations/" + ocmw + "/partner-agreement").then().statusCode(200);
        String entries = "select count(*) from change_event where resource_type = 'partner-agreement' "
                + "and resource_id = ?";
        assertEquals(1, data.count(entries, ocmw));
        assertEquals(1, data.count(entries + " and kind = 'CREATED'", ocmw));
    }

    @Test
    void controlCharactersInTextAreRefusedByName() {
        String ocmw = data.newOcmw();
        problem(invalid(as(ocmw, "admin")).body(Map.of("name", "Jan\u0000Peeters"))
                .post("/organisations/" + ocmw + "/coaches").then(), 400, "invalid-input")
                .body("issues[0].location", equalTo("body"))
                .body("issues[0].name", equalTo("name"))
                .body("issues[0].detail", equalTo("Must not contain control characters (U+0000 to U+001F other "
                        + "than tab, line feed and carriage return, nor U+007F)."));
        as(ocmw, "admin").body(Map.of("name", "Jan Peeters\tcoach")).post("/organisations/" + ocmw + "/coaches")
                .then().statusCode(201);
    }
}
