package be.twe.common.rest;

import static be.twe.support.Api.anonymous;
import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Answers that carry personal data say {@code Cache-Control: no-store}; the others
 * {@code private, no-cache} (issue 21). Every path of the contract is asked, with the answer it
 * gets (200, 404, 405...), and the few without personal data are named here one by one.
 */
@QuarkusTest
class CacheControlTest {
    static final Set<String> WITHOUT_PERSONAL_DATA = Set.of("/municipalities", "/municipalities/{nisCode}",
            "/organisations", "/organisations/{organisationId}", "/organisations/{organisationId}/mandates",
            "/mandates", "/mandates/{mandateId}", "/organisations/{organisationId}/partner-agreement",
            "/organisations/{organisationId}/funding", "/statistics/starts", "/statistics/ends",
            "/statistics/instruments", "/statistics/target-years", "/statistics/trainings", "/statistics/transfers", "/statistics/follow-ups",
            "/statistics/outcomes", "/statistics/helpdesk", "/statistics/coaches", "/statistics/plans",
            "/statistics/{figure}.csv", "/statistics/{figure}.xlsx");

    @Inject
    TestData data;

    static List<String> contractPaths() throws Exception {
        try (InputStream in = CacheControlTest.class.getClassLoader().getResourceAsStream("META-INF/openapi.yaml")) {
            JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
            List<String> templates = new ArrayList<>();
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                templates.add(it.next());
            }
            return templates;
        }
    }

    @Test
    void everyPathOfTheContractAnswersWithItsCacheControlWhateverItsStatus() throws Exception {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        List<String> templates = contractPaths();
        assertTrue(templates.size() > 50, templates.toString());
        assertTrue(templates.containsAll(WITHOUT_PERSONAL_DATA), "a path named here left the contract");
        for (String template : templates) {
            String path = template.replace("{organisationId}", ocmw).replace("{trajectoryId}", trajectory)
                    .replace("{nisCode}", "44021").replace("{versionNumber}", "1")
                    .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
            for (String caller : List.of(ocmw, "vdab")) {
                Response answer = Api.invalid(as(caller, caller.equals("vdab") ? "analyst" : "admin", "coach")).get(path);
                assertEquals(WITHOUT_PERSONAL_DATA.contains(template) ? "private, no-cache" : "no-store",
                        answer.header("Cache-Control"), template + " as " + caller + ": " + answer.statusCode());
            }
        }
    }

    @Test
    void aTrajectoryWithItsInszIsNotStoredAndNeitherAreRefusalsAndCreates() {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        Response read = as(ocmw, "coach").get("/trajectories/" + trajectory);
        assertEquals(200, read.statusCode());
        assertTrue(read.asString().contains("clientInsz"));
        assertEquals("no-store", read.header("Cache-Control"));
        assertEquals("no-store", Api.invalid(anonymous()).get("/trajectories/" + trajectory).header("Cache-Control"));
        Response created = as(ocmw, "coach").body(java.util.Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(),
                "startDate", "2024-01-01", "coachId", data.accreditedCoach(ocmw).toString())).post("/trajectories");
        assertEquals(201, created.statusCode());
        assertEquals("no-store", created.header("Cache-Control"));
        Response figures = as(ocmw, "coach").get("/statistics/starts?groupBy=year");
        assertEquals(200, figures.statusCode());
        assertEquals("private, no-cache", figures.header("Cache-Control"));
    }
}
