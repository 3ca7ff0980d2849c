package be.twe.common.error;

import static be.twe.support.Api.as;
import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.exactly;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/** Problems in Dutch for a caller whose Accept-Language prefers it, English otherwise; the codes never change. */
@QuarkusTest
class DutchProblemsTest {
    @Inject
    TestData data;

    @Test
    void aDomainProblemInDutch() {
        String ocmw = data.newOcmw();
        UUID id = UUID.randomUUID();
        as(ocmw, "coach").header("Accept-Language", "nl-BE, nl;q=0.9, en;q=0.5").get("/trajectories/" + id).then()
                .statusCode(404).header("Content-Language", "nl").header("Vary", containsString("Accept-Language"))
                .body("", exactly(404, "not-found", "Niet gevonden", "Geen traject '" + id + "'.", "/trajectories/" + id));
        as(ocmw, "coach").get("/trajectories/" + id).then().statusCode(404).header("Content-Language", "en")
                .body("", exactly(404, "not-found", "Not found", "No trajectory '" + id + "'.", "/trajectories/" + id));
        as(ocmw, "coach").header("Accept-Language", "fr-BE").get("/trajectories/" + id).then().statusCode(404)
                .header("Content-Language", "en").body("title", equalTo("Not found"));
    }

    @Test
    void aRuleViolationInDutchNamesTheSameValues() {
        String ocmw = data.newOcmw();
        String coach = data.coach(ocmw, null).toString();
        as(ocmw, "coach").header("Accept-Language", "nl")
                .body(json(Requests.trajectory(ocmw, UUID.fromString(coach), "2024-02-01")))
                .post("/trajectories").then().statusCode(422).header("Content-Language", "nl")
                .body("", exactly(422, "coach-not-trained", "Trajectbegeleider niet opgeleid",
                        "Trajectbegeleider '" + coach + "' volgde de registratieopleiding van VDAB niet.", "/trajectories"));
    }

    @Test
    void fieldIssuesInDutchFromTheApiAndFromBeanValidation() {
        String ocmw = data.newOcmw();
        invalid(as(ocmw, "coach")).header("Accept-Language", "nl").body(Map.of("ocmwId", ocmw, "clientInsz", "12345678901",
                        "startDate", "2024-02-01", "coachId", UUID.randomUUID().toString(), "colour", "red"))
                .post("/trajectories").then().statusCode(400).header("Content-Language", "nl")
                .body("title", equalTo("Ongeldige invoer"))
                .body("detail", equalTo("De aanvraag heeft 1 ongeldig(e) veld(en); zie issues."))
                .body("issues.detail", hasItem("Onbekend veld 'colour'."));
        invalid(as(ocmw, "coach")).header("Accept-Language", "nl")
                .body(json(Requests.trajectory(ocmw, UUID.randomUUID(), "2024-02-01")
                .externalReference("x".repeat(101))))
                .post("/trajectories").then().statusCode(400).header("Content-Language", "nl")
                .body("title", equalTo("Ongeldige invoer"))
                .body("issues.detail", hasItem("grootte moet tussen 0 en 100 liggen"));
    }

    @Test
    void theCatalogueCodesAreTheSameInBothLanguages() {
        String ocmw = data.newOcmw();
        String english = invalid(as(ocmw, "coach")).get("/statistics/starts?groupBy=colour").then().statusCode(400)
                .extract().path("code");
        String dutch = invalid(as(ocmw, "coach")).header("Accept-Language", "nl").get("/statistics/starts?groupBy=colour")
                .then().statusCode(400)
                .body("issues[0].detail", containsString("Moet een van deze zijn: year, province, municipality"))
                .extract().path("code");
        assertEquals(english, dutch);
    }

    @Test
    void aFrameworkAnswerInDutch() {
        invalid(Api.anonymous()).header("Accept-Language", "nl").get("/trajectories").then().statusCode(401)
                .header("Content-Language", "nl").body("title", equalTo("Niet aangemeld"))
                .body("detail", equalTo("Een geldig bearer-token is vereist."));
        invalid(as("vdab", "analyst")).header("Accept-Language", "nl").delete("/municipalities").then().statusCode(405)
                .header("Content-Language", "nl").body("title", equalTo("Methode niet toegestaan"));
    }
}
