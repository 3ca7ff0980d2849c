package be.twe.common.error;

import static be.twe.support.Api.as;
import static be.twe.support.Problems.problem;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.api.model.MandateInput;
import be.twe.support.DatabaseOwner;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * A transaction PostgreSQL ends as a deadlock is a 503 to retry, not an unexpected error. The API
 * keeps its own writes out of such deadlocks (KeyLock); this one is made with a writer that does
 * not take that lock, as a database tool or another application would.
 */
@QuarkusTest
class DeadlockAnswerTest {
    @Inject
    TestData data;

    @Test
    void aDeadlockedRequestAnswers503WithRetryAfterAndNothingIsWritten() throws Exception {
        String ocmw = data.newOcmw();
        String cluster = data.newCluster();
        try (Connection other = DatabaseOwner.connect()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("set local deadlock_timeout = '20s'"); // the API's backend detects the cycle first
            }
            insertMandate(other, cluster, ocmw, "2022-01-01", "2022-12-31");
            CompletableFuture<ValidatableResponse> request = CompletableFuture.supplyAsync(() -> as(ocmw, "admin")
                    .body(json(new MandateInput().clusterId(cluster).validFrom(LocalDate.parse("2022-06-01"))
                    .validTo(LocalDate.parse("2023-06-30"))))
                    .post("/organisations/" + ocmw + "/mandates").then());
            awaitWaitingOnALock(Duration.ofSeconds(20)); // the API's insert waits for ours
            insertMandate(other, cluster, ocmw, "2023-01-01", "2023-03-31"); // and ours for the API's: a cycle
            ValidatableResponse answer = request.get(30, TimeUnit.SECONDS);
            problem(answer, 503, "service-unavailable");
            assertNotNull(answer.extract().header("Retry-After"));
            other.rollback();
        }
        assertEquals(0, data.count("select count(*) from mandate where ocmw_id = ?1", ocmw));
    }

    private static void insertMandate(Connection c, String cluster, String ocmw, String from, String to)
            throws Exception {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into mandate (cluster_id, ocmw_id, valid_from, valid_to) values (?, ?, ?::date, ?::date)")) {
            insert.setString(1, cluster);
            insert.setString(2, ocmw);
            insert.setString(3, from);
            insert.setString(4, to);
            insert.executeUpdate();
        }
    }

    private void awaitWaitingOnALock(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (data.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and query like 'insert into mandate%'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the API's insert never waited for the other transaction");
            }
            Thread.sleep(50);
        }
    }
}
