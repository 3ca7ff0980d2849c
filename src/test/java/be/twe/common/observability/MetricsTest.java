package be.twe.common.observability;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.WebhookSubscriptionInput;
import be.twe.statistics.service.StatisticsRefresh;
import be.twe.support.Imports;
import be.twe.support.Registrations;
import be.twe.webhooks.service.WebhookDispatcher;
import be.twe.support.TestData;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code /q/metrics} in the Prometheus format: the framework's HTTP, JVM and pool meters and the
 * domain meters, each moved by the work it counts.
 */
@QuarkusTest
class MetricsTest {
    @Inject
    TestData data;
    @Inject
    StatisticsRefresh refresh;
    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void theFrameworkMetersAreThere() {
        as("vdab", "analyst").get("/municipalities?limit=1").then().statusCode(200);
        String metrics = scrape();
        for (String meter : List.of("http_server_requests_seconds_count{", "jvm_memory_used_bytes{",
                "agroal_active_count{", "twe_feed_position ")) {
            assertTrue(metrics.contains(meter), meter);
        }
        assertTrue(metrics.contains("uri=\"/municipalities\""), "HTTP meters name the path template, not ids");
    }

    @Test
    void importLinesAreCountedByOutcome() {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        double succeeded = value("twe_import_lines_total", "outcome=\"succeeded\"");
        double failed = value("twe_import_lines_total", "outcome=\"failed\"");
        Map<String, Object> trajectory = Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(),
                "startDate", "2024-01-01", "coachId", coach.toString());
        String id = Imports.submit(ocmw, List.of(Imports.line("createTrajectory", Map.of(), trajectory),
                Imports.line("createTrajectory", Map.of(), trajectory))); // the second is a duplicate: 409
        Imports.awaitFinished(ocmw, id, Duration.ofSeconds(30));
        assertEquals(succeeded + 1, value("twe_import_lines_total", "outcome=\"succeeded\""));
        assertEquals(failed + 1, value("twe_import_lines_total", "outcome=\"failed\""));
    }

    @Test
    void theFeedPositionFollowsWritesAndRefreshesAreTimed() {
        double before = value("twe_feed_position", "");
        String ocmw = data.newOcmw();
        Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        assertTrue(value("twe_feed_position", "") > before);
        double refreshes = value("twe_statistics_refresh_seconds_count", "");
        refresh.refresh();
        assertEquals(refreshes + 1, value("twe_statistics_refresh_seconds_count", ""));
    }

    @Test
    void webhookAttemptsAreCountedByOutcome() throws InterruptedException {
        String ocmw = data.newOcmw();
        double retrying = value("twe_webhook_deliveries_total", "outcome=\"retrying\"");
        as(ocmw, "admin").body(json(new WebhookSubscriptionInput().url("http://127.0.0.1:9/closed")
                .eventTypes(List.of("*"))))
                .post("/webhook-subscriptions").then().statusCode(201);
        Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        Instant deadline = Instant.now().plusSeconds(30);
        while (value("twe_webhook_deliveries_total", "outcome=\"retrying\"") <= retrying) {
            assertTrue(Instant.now().isBefore(deadline), "no failed attempt was counted within 30 s");
            dispatcher.dispatch(); // the scheduler is off in tests
            Thread.sleep(100);
        }
    }

    static String scrape() {
        // not an operation of the contract
        return invalid(given()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample of a meter whose labels contain {@code label} (0 when there is none yet). */
    static double value(String meter, String label) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(meter) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape());
        while (sample.find()) {
            if (label.isEmpty() || (sample.group(1) != null && sample.group(1).contains(label))) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
