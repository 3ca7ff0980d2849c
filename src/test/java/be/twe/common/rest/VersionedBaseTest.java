package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/** Operations live under /api/v1; the unversioned paths of before answer a permanent redirect. */
@QuarkusTest
class VersionedBaseTest {
    private static final RestAssuredConfig NO_FOLLOW = RestAssuredConfig.config()
            .redirect(RedirectConfig.redirectConfig().followRedirects(false));

    /** A call outside the contract (an unversioned path): the contract validation does not apply. */
    private static RequestSpecification unversioned() {
        return given().noFilters().config(NO_FOLLOW).header("Authorization", "Bearer " + Tokens.token("vdab", "analyst"));
    }

    @Test
    void anOldPathIsRedirectedWithItsQueryAndMethodKept() {
        unversioned().get("/statistics/starts?groupBy=year&fromYear=2024").then().statusCode(308)
                .header("Location", equalTo("/api/v1/statistics/starts?groupBy=year&fromYear=2024"))
                .body(emptyString());
        unversioned().contentType("application/json").body("{}").post("/trajectories").then().statusCode(308)
                .header("Location", equalTo("/api/v1/trajectories"));
        unversioned().get("/trajectories/6f1c2b9e-5a43-4d43-a8a3-1d2c0e6f9b10/instruments").then().statusCode(308)
                .header("Location", equalTo("/api/v1/trajectories/6f1c2b9e-5a43-4d43-a8a3-1d2c0e6f9b10/instruments"));
    }

    @Test
    void theRedirectedCallAnswersAsTheVersionedOne() {
        String location = unversioned().get("/municipalities?year=2025&limit=1").then().statusCode(308)
                .extract().header("Location");
        as("vdab", "analyst").basePath("").get(location).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void theContractMovesToTheBasePath() {
        unversioned().get("/q/openapi").then().statusCode(308).header("Location", equalTo("/api/v1/doc/openapi"));
        unversioned().get("/q/openapi.json").then().statusCode(308).header("Location", equalTo("/api/v1/doc/openapi.json"));
    }

    @Test
    void aPathOutsideTheContractAndTheFrameworksOwnAreNotRedirected() {
        unversioned().get("/no-such-thing").then().statusCode(404);
        invalid(given().config(NO_FOLLOW)).get("/q/health/live").then().statusCode(200);
        invalid(given().config(NO_FOLLOW)).basePath(Api.BASE).get("/trajectorie").then().statusCode(404)
                .body("code", equalTo("not-found"));
    }
}
