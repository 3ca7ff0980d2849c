package be.twe.common.tenancy;

import static be.twe.support.Api.as;
import static be.twe.support.Api.plain;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.api.model.MandateInput;
import be.twe.api.model.MandatePeriod;
import be.twe.support.DatabaseOwner;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Whom a caller acts for is no longer read at every request (issue 20), and must not outlive what
 * it was read from: a mandate ended through the API, or by another instance (seen here as a change
 * this instance did not make), ends the cluster's access at once.
 */
@QuarkusTest
class CallerCachingTest {
    @Inject
    TestData data;
    @Inject
    Today today;

    String ocmw;
    String cluster;
    String trajectory;

    @BeforeEach
    void aClusterWithAMandate() {
        ocmw = data.newOcmw();
        cluster = data.newCluster();
        trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
    }

    String grant() {
        return as(ocmw, "admin").body(json(new MandateInput().clusterId(cluster)
                .validFrom(LocalDate.parse("2020-01-01"))))
                .post("/organisations/" + ocmw + "/mandates").then().statusCode(201).extract().path("id");
    }

    int clusterReads(String token) {
        return plain().header("Authorization", "Bearer " + token).get("/trajectories/" + trajectory).statusCode();
    }

    @Test
    void aMandateEndedThroughTheApiEndsAccessWithTheNextRequest() {
        String token = Tokens.token(cluster, "coach");
        assertEquals(404, clusterReads(token));
        String mandate = grant();
        assertEquals(200, clusterReads(token)); // granted: no cached "no mandates" survives it
        assertEquals(200, clusterReads(token));
        as(ocmw, "admin").header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(json(new MandatePeriod().validFrom(LocalDate.parse("2020-01-01"))
                        .validTo(today.date().minusDays(1))))
                .put("/mandates/" + mandate).then().statusCode(200);
        assertEquals(404, clusterReads(token));
    }

    @Test
    void aMandateEndedByAnotherInstanceEndsAccessWithinAMoment() throws SQLException {
        String token = Tokens.token(cluster, "coach");
        grant();
        assertEquals(200, clusterReads(token));
        // another instance's commit: straight on the database, so this instance only hears of it
        // through PostgreSQL's notice (the cache would keep the mandate for 30 s otherwise)
        try (Connection c = DatabaseOwner.connect();
             PreparedStatement end = c.prepareStatement("update mandate set valid_to = ? where cluster_id = ?")) {
            end.setObject(1, today.date().minusDays(1));
            end.setString(2, cluster);
            assertEquals(1, end.executeUpdate());
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(3));
        int status;
        while ((status = clusterReads(token)) == 200 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertEquals(404, status);
    }
}
