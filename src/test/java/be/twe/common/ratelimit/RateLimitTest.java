package be.twe.common.ratelimit;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Five requests per minute per organisation here (the default is 6,000). */
@QuarkusTest
@TestProfile(RateLimitTest.FivePerMinute.class)
class RateLimitTest {
    public static class FivePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twe.rate-limit.requests", "5", "twe.rate-limit.window", "60s",
                    "twe.rate-limit.unsynced-requests", "0");
        }
    }

    @Inject
    TestData data;

    @Test
    void anOrganisationOverItsLimitGets429WithRetryAfterAndOthersAreNotAffected() {
        String ocmw = data.newOcmw();
        for (int i = 4; i >= 0; i--) {
            Response ok = as(ocmw, "admin").get("/organisations/" + ocmw + "/coaches");
            assertEquals(200, ok.statusCode());
            assertEquals("\"organisation\";q=5;w=60", ok.header("RateLimit-Policy"));
            assertTrue(ok.header("RateLimit").startsWith("\"organisation\";r=" + i + ";t="), ok.header("RateLimit"));
        }
        Response limited = as(ocmw, "coach").get("/trajectories");
        problem(limited.then(), 429, "rate-limited").header("RateLimit", equalTo("\"organisation\";r=0;t=60"))
                .body("detail", equalTo("Your organisation has used its 5 requests per 60 s; retry after "
                        + limited.header("Retry-After") + " s."));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "one request refills in 12 s: " + retryAfter);
        // every user and role of the organisation shares its quota; another organisation has its own
        problem(as(ocmw, "analyst").get("/statistics/starts").then(), 429, "rate-limited");
        String other = data.newOcmw();
        as(other, "admin").get("/organisations/" + other + "/coaches").then().statusCode(200)
                .header("RateLimit", equalTo("\"organisation\";r=4;t=12"));
    }
}
