package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Api.plain;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.CoachInput;
import be.twe.support.Api;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Behind a public address, with browser tools of one origin allowed: links and CORS as configured. */
@QuarkusTest
@TestProfile(PublicDeploymentTest.Deployed.class)
class PublicDeploymentTest {
    static final String BASE = "https://twe.example.be";
    static final String TOOL = "https://tool.example.be";

    public static class Deployed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twe.http.public-base-url", BASE + "/",
                    "quarkus.http.cors.enabled", "true",
                    "quarkus.http.cors.origins", TOOL);
        }
    }

    @Inject
    TestData data;

    @Test
    void linksStartWithThePublicBaseUrl() {
        String ocmw = data.newOcmw();
        as(ocmw, "admin").header("Host", "evil.example").body(json(new CoachInput().name("Coach")))
                .post("/organisations/" + ocmw + "/coaches").then().statusCode(201)
                .header("Location", startsWith(BASE + Api.BASE + "/organisations/" + ocmw + "/coaches/"));
        as("vdab", "analyst").header("Host", "evil.example").get("/municipalities?limit=5").then().statusCode(200)
                .body("next", startsWith(BASE + Api.BASE + "/municipalities?limit=5&cursor="));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredAndOthersAreNot() {
        invalid(plain()).header("Origin", TOOL).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/trajectories").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(TOOL));
        invalid(plain()).header("Origin", "https://other.example").header("Access-Control-Request-Method", "GET")
                .options("/trajectories").then().statusCode(403);
        as("vdab", "analyst").header("Origin", TOOL).get("/municipalities?limit=1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(TOOL));
    }
}
