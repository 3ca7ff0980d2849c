package be.twe.municipality;

import static be.twe.support.Problems.exactly;
import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MunicipalityApiTest {
    static final String OCMW_GENT = "ocmw-44021";

    @Test
    void the308MunicipalitiesOf2017And2018NoneBeforeTheMeasure() {
        for (int year : new int[] {2017, 2018}) {
            as(OCMW_GENT, "coach").get("/municipalities?year=" + year + "&limit=500").then().statusCode(200)
                    .body("items", hasSize(308)).body("next", nullValue());
        }
        as(OCMW_GENT, "coach").get("/municipalities?year=2016").then().statusCode(200).body("items", hasSize(0));
        as(OCMW_GENT, "coach").get("/municipalities?year=2019&limit=500").then().statusCode(200)
                .body("items", hasSize(300)).body("items.nisCode", hasItems("12041", "44083", "72043"))
                .body("items.nisCode", not(hasItems("12030", "44011")));
    }

    @Test
    void aMunicipalityThatMergedIn2019NamesIts2019Successor() {
        as(OCMW_GENT, "coach").get("/municipalities/12030").then().statusCode(200)
                .body("", equalTo(Map.of(
                        "nisCode", "12030", "name", "Puurs", "provinceNisCode", "10000",
                        "province", "Antwerpen", "validFrom", "2017-01-01", "validTo", "2018-12-31",
                        "successor", Map.of("nisCode", "12041", "name", "Puurs-Sint-Amands"))));
        as(OCMW_GENT, "coach").get("/municipalities/12041?year=2018").then().statusCode(404);
        as(OCMW_GENT, "coach").get("/municipalities/44021?year=2017").then().statusCode(200)
                .body("name", equalTo("Gent")).body("validFrom", equalTo("2017-01-01"));
    }

    @Test
    void the300MunicipalitiesOf2024AndThe285Of2025() {
        as(OCMW_GENT, "coach").get("/municipalities?year=2024&limit=500").then().statusCode(200)
                .body("items", hasSize(300)).body("next", nullValue());
        as(OCMW_GENT, "coach").get("/municipalities?year=2025&limit=500").then().statusCode(200)
                .body("items", hasSize(285)).body("next", nullValue());
    }

    @Test
    void pagingFollowsNextLinksWithoutGapsOrRepeats() {
        Set<String> seen = new HashSet<>();
        String next = "/municipalities?limit=50";
        int pages = 0;
        while (next != null) {
            JsonPath page = as(OCMW_GENT, "coach").get(Api.link(next)).then().statusCode(200).extract().jsonPath();
            List<String> keys = page.getList("items.collect { it.nisCode + '/' + it.validFrom }");
            keys.forEach(k -> assertEquals(true, seen.add(k), "repeated " + k));
            next = page.getString("next");
            pages++;
        }
        assertEquals(327, seen.size(),
                "15 versions ending in 2018 + the 300 of 2019-2024 (27 of them ending in 2024) + 12 new in 2025");
        assertEquals(7, pages);
    }

    @Test
    void aMergedMunicipalityNamesIts2025Successor() {
        as(OCMW_GENT, "coach").get("/municipalities/11056").then().statusCode(200)
                .body("", equalTo(Map.of(
                        "nisCode", "11056", "name", "Zwijndrecht", "provinceNisCode", "10000",
                        "province", "Antwerpen", "validFrom", "2017-01-01", "validTo", "2024-12-31",
                        "successor", Map.of("nisCode", "46030", "name", "Beveren-Kruibeke-Zwijndrecht"))));
        as(OCMW_GENT, "coach").get("/municipalities/46030").then().statusCode(200)
                .body("province", equalTo("Oost-Vlaanderen")).body("validFrom", equalTo("2025-01-01"))
                .body("successor", nullValue());
    }

    @Test
    void yearPicksTheVersionValidThen() {
        as(OCMW_GENT, "coach").get("/municipalities/46030?year=2024").then().statusCode(404)
                .body("code", equalTo("not-found"));
        as(OCMW_GENT, "coach").get("/municipalities/44021?year=2020").then().statusCode(200)
                .body("name", equalTo("Gent"));
    }

    @Test
    void provinceFilter() {
        as(OCMW_GENT, "coach").get("/municipalities?province=70000&year=2024&limit=500").then().statusCode(200)
                .body("items", hasSize(42)).body("items.province", everyItem(equalTo("Limburg")));
    }

    @Test
    void unknownMunicipalityIs404() {
        as(OCMW_GENT, "coach").get("/municipalities/99999").then().statusCode(404)
                .body("", exactly(Map.of("type", "urn:problem-type:twe:not-found", "code", "not-found",
                        "title", "Not found", "status", 404, "detail", "No municipality '99999'.",
                        "instance", Api.BASE + "/municipalities/99999")));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        invalid(as(OCMW_GENT, "coach")).get("/municipalities?limit=0").then().statusCode(400)
                .body("issues", equalTo(List.of(Map.of("location", "query", "name", "limit", "value", "0",
                        "detail", "must be greater than or equal to 1"))));
        invalid(as(OCMW_GENT, "coach")).get("/municipalities?limit=501").then().statusCode(400)
                .body("issues[0].name", equalTo("limit"));
        invalid(as(OCMW_GENT, "coach")).get("/municipalities?year=twenty").then().statusCode(400)
                .body("issues", equalTo(List.of(Map.of("location", "query", "name", "year", "value", "twenty",
                        "detail", "Must be a whole number."))));
        invalid(as(OCMW_GENT, "coach")).get("/municipalities?province=99999").then().statusCode(400)
                .body("issues", equalTo(List.of(Map.of("location", "query", "name", "province", "value", "99999",
                        "detail", "Must be one of 10000, 20001, 30000, 40000, 70000."))));
        as(OCMW_GENT, "coach").get("/municipalities?cursor=bm9wZQ").then().statusCode(400)
                .body("issues[0].name", equalTo("cursor"));
        invalid(as(OCMW_GENT, "coach")).get("/municipalities/4402").then().statusCode(400)
                .body("issues[0].location", equalTo("path")).body("issues[0].name", equalTo("nisCode"));
    }
}
