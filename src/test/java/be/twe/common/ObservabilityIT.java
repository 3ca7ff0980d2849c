package be.twe.common;

import static be.twe.support.JsonCalls.call;
import static be.twe.support.JsonCalls.created;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import be.twe.support.AppInstance;
import be.twe.support.JsonCalls;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The production artifact with JSON logs and the access log switched on by environment variables
 * (issue 18): every line it writes is one JSON object, the access log names each request, a
 * caller's traceparent comes back in the problem, metrics are served, and none of the personal
 * data the requests carried (INSZ, IBAN, names, free texts) is in any line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {
    static final String OCMW = "ocmw-44021";
    static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    static EmbeddedPostgres postgres;
    static AppInstance api;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres");
        api = AppInstance.start(url, Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true",
                "QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true"));
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             PreparedStatement agreement = c.prepareStatement(
                     "insert into partner_agreement (organisation_id, signed_on) values (?, date '2017-01-01')")) {
            agreement.setString(1, OCMW);
            agreement.executeUpdate();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {api, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    /**
     * Before any request of its own (issue 32): no WARN at a clean start, every domain counter at
     * zero (an alert on one reads a value, not "no data"), and latency buckets fine enough for a
     * p99 under 20 ms once requests come.
     */
    @Test
    @Order(1) // before the other test's requests
    void aCleanStartWarnsOfNothingAndEveryMeterIsThereAtZero() throws Exception {
        List<String> warnings = logLines().stream().filter(l -> l.path("level").asText().equals("WARN")
                || l.path("level").asText().equals("ERROR")).map(JsonNode::toString).toList();
        assertEquals(List.of(), warnings);

        HttpResponse<String> metrics = call("GET", api.url("/q/metrics"), null, null, Map.of("Accept", "text/plain"));
        for (String counter : List.of("twe_import_lines_total{outcome=\"succeeded\"",
                "twe_import_lines_total{outcome=\"failed\"", "twe_webhook_deliveries_total{outcome=\"delivered\"",
                "twe_webhook_deliveries_total{outcome=\"retrying\"", "twe_webhook_deliveries_total{outcome=\"failed\"",
                "twe_access_log_refused_total ")) {
            assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith(counter) && l.endsWith(" 0.0")),
                    counter + " at zero in " + metrics.body().lines().filter(l -> l.startsWith("twe_")).toList());
        }
        assertEquals(200, call("GET", api.url("/q/health/ready"), null, null).statusCode());
        call("GET", api.url("/trajectories/" + UUID.randomUUID()), Tokens.token(OCMW, "coach"), null);
        metrics = call("GET", api.url("/q/metrics"), null, null, Map.of("Accept", "text/plain"));
        for (String le : List.of("0.005", "0.01", "0.02", "0.03", "0.05")) {
            assertTrue(metrics.body().lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{")
                    && l.contains("le=\"" + le + "\"")), "a bucket at " + le + " s");
        }
    }

    private static List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : api.log().split("\n")) {
            if (!line.isBlank()) {
                lines.add(JsonCalls.JSON.readTree(line)); // fails on any line that is not JSON
            }
        }
        return lines;
    }

    @Test
    void jsonAndAccessLogsCarryNoPersonalDataAndTheTraceIdComesBack() throws Exception {
        String admin = Tokens.token(OCMW, "admin");
        String coachToken = Tokens.token(OCMW, "coach");
        String name = "Vandenbroucke-Claeys";
        String coach = created(call("POST", api.url("/organisations/" + OCMW + "/coaches"), admin,
                Map.of("name", "Coach " + name)));
        assertEquals(201, call("POST", api.url("/training-sessions"), Tokens.token("vdab", "trainer"), Map.of(
                "heldOn", "2024-01-10", "title", "Registratieopleiding", "coachIds", List.of(coach))).statusCode());
        String iban = "BE71096123456769";
        HttpResponse<String> details = call("GET", api.url("/organisations/" + OCMW + "/financial-details"), admin, null);
        assertEquals(200, call("PUT", api.url("/organisations/" + OCMW + "/financial-details"), admin,
                Map.of("kboNumber", "0207437468", "iban", iban),
                Map.of("If-Match", details.headers().firstValue("ETag").orElse("\"0\""))).statusCode());
        String insz = TestData.newInsz();
        Map<String, Object> body = Map.of("ocmwId", OCMW, "clientInsz", insz, "startDate", "2024-01-01",
                "coachId", coach);
        String trajectory = created(call("POST", api.url("/trajectories"), coachToken, body));
        assertEquals(409, call("POST", api.url("/trajectories"), coachToken, body).statusCode());
        String wrong = insz.substring(0, 10) + (insz.endsWith("9") ? "0" : "9");
        assertEquals(400, call("POST", api.url("/trajectories"), coachToken, Map.of("ocmwId", OCMW,
                "clientInsz", wrong, "startDate", "2024-01-01", "coachId", coach)).statusCode());
        assertEquals(201, call("POST", api.url("/trajectories/" + trajectory + "/transfers"), coachToken,
                Map.of("reason", "OTHER", "reasonText", "Mevrouw " + name + " verhuist", "channel", "SPOC_NOTE",
                        "transferDate", "2024-06-30", "trajectoryEnd",
                        Map.of("endReason", "STOPPED_EARLY", "endAdvice", name + " verhuist"))).statusCode());

        HttpResponse<String> missing = call("GET", api.url("/trajectories/" + UUID.randomUUID()), coachToken, null,
                Map.of("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01"));
        assertEquals(404, missing.statusCode());
        assertEquals(TRACE_ID, JsonCalls.json(missing).path("traceId").asText());
        HttpResponse<String> metrics = call("GET", api.url("/q/metrics"), null, null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.statusCode());
        for (String meter : List.of("agroal_active_count", "twe_feed_position", "http_server_requests_seconds_count")) {
            assertTrue(metrics.body().contains(meter), meter + " in /q/metrics");
        }

        Thread.sleep(500); // the access log is written after the response
        List<JsonNode> lines = logLines();
        assertTrue(lines.stream().anyMatch(l -> l.path("loggerName").asText().equals("io.quarkus.http.access-log")
                && l.path("message").asText().contains("\"POST /api/v1/trajectories\" 201")
                && l.path("message").asText().matches(".* \\d+ ms")), "access log lines, with their duration");
        assertTrue(lines.stream().anyMatch(l -> l.path("loggerName").asText().equals("io.quarkus.http.access-log")
                && l.path("message").asText().contains("\" 404 ")
                && l.path("mdc").path("traceId").asText().equals(TRACE_ID)), "the caller's trace id in its lines");
        for (JsonNode line : lines) {
            String text = line.toString();
            for (String personal : List.of(insz, wrong, iban, name)) {
                assertFalse(text.contains(personal), "personal data in the log: " + text);
            }
        }
    }
}
