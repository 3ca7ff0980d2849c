package be.twe.common.rest;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Requests.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.CoachInput;
import be.twe.support.Api;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;

/** How answers travel: compressed, with links that never come from the client's Host header. */
@QuarkusTest
class TransportTest {
    @Inject
    TestData data;

    @Test
    void textAnswersAreGzippedForClientsThatAcceptIt() {
        invalid(as("vdab", "analyst")).header("Accept-Encoding", "gzip").get("/doc/openapi").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        as("vdab", "analyst").header("Accept-Encoding", "gzip").get("/municipalities").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        as("vdab", "analyst").header("Accept-Encoding", "gzip").accept("text/csv")
                .get("/statistics/starts?groupBy=province").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        as("vdab", "analyst").config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .get("/municipalities").then().statusCode(200).header("Content-Encoding", equalTo(null));
    }

    @Test
    void aPageNamesItsNextPageInTheBodyAndInALinkHeader() {
        Response page = as("vdab", "analyst").header("Host", "evil.example").get("/municipalities?limit=10");
        page.then().statusCode(200);
        String next = page.path("next");
        assertThat(next, startsWith(Api.BASE + "/municipalities?limit=10&cursor="));
        assertEquals("<" + next + ">; rel=\"next\"", page.header("Link"));
        as("vdab", "analyst").get(Api.link(next)).then().statusCode(200);
        // the same page by the cursor field, as a generated client asks for it
        String cursor = page.path("nextCursor");
        assertEquals(next.substring(next.indexOf("cursor=") + 7), java.net.URLEncoder.encode(cursor,
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(as("vdab", "analyst").get(Api.link(next)).then().extract().jsonPath().getList("items.nisCode"),
                as("vdab", "analyst").queryParam("limit", 10).queryParam("cursor", cursor).get("/municipalities")
                        .then().statusCode(200).extract().jsonPath().getList("items.nisCode"));
        Response last = as("vdab", "analyst").get("/municipalities?limit=500&year=2025");
        last.then().statusCode(200).body("next", org.hamcrest.Matchers.nullValue())
                .body("nextCursor", org.hamcrest.Matchers.nullValue())
                .body("$", org.hamcrest.Matchers.hasKey("nextCursor"));
    }

    @Test
    void linksNeverComeFromTheHostHeader() {
        String ocmw = data.newOcmw();
        as(ocmw, "admin").header("Host", "evil.example").body(json(new CoachInput().name("Coach")))
                .post("/organisations/" + ocmw + "/coaches").then().statusCode(201)
                .header("Location", startsWith(Api.BASE + "/organisations/" + ocmw + "/coaches/"))
                .header("Location", not(containsString("evil")));
        as("vdab", "analyst").header("Host", "evil.example").get("/changes?limit=1").then().statusCode(200)
                .body("next", startsWith(Api.BASE + "/changes?"));
    }
}
