package be.twe.organisation;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.ClientAccessRequest;
import be.twe.api.model.MandateInput;
import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Guidance outsourced to the parties the 2021 answer names (issue 29, item 7): a cluster
 * (intermunicipal or private), VDAB or another OCMW holds the mandate, and who guides for whom
 * is one paged call.
 */
@QuarkusTest
class MandateHoldersTest {
    static final LocalDate YEAR_AGO = LocalDate.now().minusYears(1);

    @Inject
    TestData data;

    String ocmw;
    String guidingOcmw;

    @BeforeEach
    void ocmws() {
        ocmw = data.newOcmw();
        guidingOcmw = data.newOcmw("44019");
    }

    ValidatableResponse grant(String holder, LocalDate from, LocalDate to) {
        MandateInput body = new MandateInput().clusterId(holder).validFrom(from).validTo(to);
        return as(ocmw, "admin").body(json(body)).post("/organisations/" + ocmw + "/mandates").then();
    }

    @Test
    void anotherOcmwGuidesUnderAMandateButKeepsNoneOfTheFilesAsItsOwn() {
        grant(guidingOcmw, YEAR_AGO, null).statusCode(201).body("holderKind", equalTo("OCMW"))
                .body("clusterId", equalTo(guidingOcmw));
        UUID coach = data.accreditedCoach(guidingOcmw);
        String insz = TestData.newInsz();
        String trajectory = as(guidingOcmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-03-01")
                .clientInsz(insz))).post("/trajectories").then()
                .statusCode(201).body("ocmwId", equalTo(ocmw)).body("registeredBy", equalTo(guidingOcmw))
                .extract().path("id");
        as(guidingOcmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
        as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200);

        // the file stays the mandating OCMW's: its access log and the client's report are not the guide's
        problem(as(guidingOcmw, "admin").get("/trajectories/" + trajectory + "/access-log").then(), 404, "not-found");
        problem(as(guidingOcmw, "admin").body(json(new ClientAccessRequest().clientInsz(insz)))
                .post("/client-access-reports").then(), 404,
                "not-found");
        as(ocmw, "admin").body(json(new ClientAccessRequest().clientInsz(insz))).post("/client-access-reports").then()
                .statusCode(200);
        // nor does a third OCMW see anything
        problem(as(data.newOcmw(), "coach").get("/trajectories/" + trajectory).then(), 404, "not-found");
    }

    @Test
    void vdabMayHoldAMandateButNeitherTheOcmwItselfNorAnUnknownOrganisation() {
        grant("vdab", LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31)).statusCode(201)
                .body("holderKind", equalTo("VDAB")).body("clusterName", equalTo("VDAB"));
        problem(grant(ocmw, YEAR_AGO, null), 422, "unknown-cluster");
        problem(grant("cluster-nobody", YEAR_AGO, null), 422, "unknown-cluster");
        problem(grant("ocmw-12030", YEAR_AGO, null), 422, "unknown-cluster"); // Puurs merged in 2019
    }

    @Test
    void whoGuidesForWhomInOneCallWithPeriodsFiltersAndPages() {
        String cluster = data.newCluster();
        String first = grant(cluster, LocalDate.of(2019, 1, 1), LocalDate.of(2020, 12, 31)).statusCode(201)
                .extract().path("id");
        String second = grant(guidingOcmw, LocalDate.of(2021, 1, 1), null).statusCode(201).extract().path("id");

        as("vdab", "analyst").get("/mandates?ocmwId=" + ocmw).then().statusCode(200)
                .body("items.id", contains(first, second))
                .body("items.holderKind", contains("INTERMUNICIPAL", "OCMW"))
                .body("items.validFrom", contains("2019-01-01", "2021-01-01"))
                .body("items.validTo", contains("2020-12-31", null));
        as("vdab", "analyst").get("/mandates?ocmwId=" + ocmw + "&validOn=2020-06-30").then()
                .body("items.id", contains(first));
        as("vdab", "analyst").get("/mandates?clusterId=" + guidingOcmw).then().body("items.id", contains(second));
        List<String> paged = Api.allPages(() -> as("vdab", "analyst"), "/mandates?limit=1&ocmwId=" + ocmw, "id");
        assertEquals(List.of(first, second), paged);

        // an organisation sees the mandates it gave or holds, nothing of others
        as(ocmw, "coach").get("/mandates").then().statusCode(200).body("items.id", containsInAnyOrder(first, second));
        as(cluster, "coach").get("/mandates").then().body("items.id", contains(first));
        as(guidingOcmw, "coach").get("/mandates").then().body("items.id", contains(second));
        as(data.newCluster(), "coach").get("/mandates").then().body("items", hasSize(0));
        as(cluster, "coach").get("/mandates?ocmwId=" + ocmw + "&clusterId=" + guidingOcmw).then()
                .body("items", hasSize(0));
    }

    @Test
    void thePublishedMandatesNameIntermunicipalAndPrivateHolders() {
        as("vdab", "analyst").get("/mandates?clusterId=cluster-emino&limit=500").then().statusCode(200)
                .body("items", not(hasSize(0))).body("items.holderKind", everyItem(equalTo("PRIVATE")));
        as("vdab", "analyst").get("/mandates?clusterId=cluster-igo&limit=500").then()
                .body("items.holderKind", hasItem("INTERMUNICIPAL"))
                .body("items.ocmwId", hasItem("ocmw-24001"));
        as("vdab", "analyst").get("/mandates?limit=2").then().body("next", notNullValue());
    }
}
