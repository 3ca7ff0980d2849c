package be.twe.support;

import static be.twe.support.Api.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/** Submits NDJSON imports and waits for them, through the API. */
public final class Imports {
    public static final String NDJSON = "application/x-ndjson";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Imports() {
    }

    /** Submits the lines (joined with newlines) as a coach of {@code caller}; returns the import's id. */
    public static String submit(String caller, List<String> lines) {
        return submit(caller, lines, "coach");
    }

    public static String submit(String caller, List<String> lines, String... roles) {
        return as(caller, roles).contentType(NDJSON)
                .body((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)).post("/imports")
                .then().statusCode(202).extract().path("id");
    }

    /** Polls the import until it is FINISHED; returns it. */
    public static JsonPath awaitFinished(String caller, String importId, Duration timeout) {
        return Jobs.await(caller, "/imports/" + importId, timeout);
    }

    /** Every line of the report, as maps, in line order. */
    public static List<Map<String, Object>> report(String caller, String importId) {
        List<Map<String, Object>> lines = new ArrayList<>();
        String next = "/imports/" + importId + "/lines?limit=500";
        while (next != null) {
            JsonPath page = as(caller, "coach").get(Api.link(next)).then().statusCode(200)
                    .extract().jsonPath();
            lines.addAll(page.getList("items"));
            next = page.getString("next");
        }
        return lines;
    }

    /** One line: {@code {"operation": ..., <fields>, "body": body}} as JSON. */
    public static String line(String operation, Map<String, ?> fields, Map<String, ?> body) {
        StringBuilder json = new StringBuilder("{\"operation\":\"").append(operation).append('"');
        fields.forEach((k, v) -> json.append(",\"").append(k).append("\":\"").append(v).append('"'));
        try {
            return json.append(",\"body\":").append(JSON.writeValueAsString(body)).append('}').toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
