package be.twe.organisation;

import static be.twe.support.Problems.exactly;
import static be.twe.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrganisationApiTest {
    @Inject
    TestData data;

    @Test
    void seededClusterSeesItselfVdabAndExactlyItsMandatedOcmws() {
        List<String> expected = new ArrayList<>(List.of("cluster-kina", "vdab"));
        // KINA's seven member municipalities in the 2021 overview
        expected.addAll(List.of("ocmw-11009", "ocmw-11057", "ocmw-11035", "ocmw-11038", "ocmw-11050",
                "ocmw-11054", "ocmw-11055"));
        as("cluster-kina", "coach").get("/organisations?limit=500").then().statusCode(200)
                .body("items.id", containsInAnyOrder(expected.toArray()));
    }

    @Test
    void everyOrganisationIsVisibleToVdab() {
        as("vdab", "analyst").get("/organisations?kind=OCMW&limit=500").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("OCMW")));
        // every page: the clusters other tests create sort between the seeded ones
        List<String> clusters = Api.allPages(() -> as("vdab", "analyst"), "/organisations?kind=CLUSTER&limit=500", "id");
        assertEquals(10, clusters.stream().filter(id -> !id.startsWith("cluster-t")).count(), clusters.toString());
    }

    @Test
    void anOcmwSeesItselfItsClustersAndVdab() {
        String ocmw = data.newOcmw();
        String cluster = data.newCluster();
        String formerCluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.now().minusMonths(3), null);
        data.mandate(formerCluster, ocmw, LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31));
        as(ocmw, "coach").get("/organisations").then().statusCode(200)
                .body("items.id", containsInAnyOrder(ocmw, cluster, "vdab"));
    }

    @Test
    void mandatesShowTheirValidityAndCanBeFilteredByDate() {
        String ocmw = data.newOcmw();
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, LocalDate.of(2020, 1, 1), LocalDate.of(2022, 12, 31));
        data.mandate(cluster, ocmw, LocalDate.of(2023, 6, 1), null);
        as(ocmw, "coach").get("/organisations/" + ocmw + "/mandates").then().statusCode(200)
                .body("items.validFrom", contains("2020-01-01", "2023-06-01"))
                .body("items.validTo", contains("2022-12-31", null))
                .body("items.clusterId", everyItem(equalTo(cluster)))
                .body("items[0].ocmwName", equalTo("Test OCMW Gent"));
        as(ocmw, "coach").get("/organisations/" + ocmw + "/mandates?validOn=2021-05-01").then().statusCode(200)
                .body("items.validFrom", contains("2020-01-01"));
        as(ocmw, "coach").get("/organisations/" + ocmw + "/mandates?validOn=2023-01-15").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void clusterFilterListsTheOcmwsWithAMandateValidToday() {
        String cluster = data.newCluster();
        String current = data.newOcmw();
        String expired = data.newOcmw();
        data.mandate(cluster, current, LocalDate.now().minusDays(10), LocalDate.now());
        data.mandate(cluster, expired, LocalDate.now().minusYears(1), LocalDate.now().minusDays(1));
        as("vdab", "analyst").get("/organisations?cluster=" + cluster).then().statusCode(200)
                .body("items.id", contains(current));
    }

    @Test
    void unknownOrganisationInTheTokenIs403() {
        as("ocmw-00000", "coach").get("/municipalities").then().statusCode(403)
                .body("", exactly(Map.of("type", "urn:problem-type:twe:unknown-organisation",
                        "code", "unknown-organisation", "title", "Unknown organisation", "status", 403,
                        "detail", "The token's twe_org claim names no organisation that exists today.",
                        "instance", Api.BASE + "/municipalities")));
    }
}
