package be.twe.common.error;

import static be.twe.support.Api.as;
import static io.restassured.RestAssured.given;
import static be.twe.support.Api.invalid;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.PostgresServer;
import be.twe.support.TestData;
import be.twe.webhooks.service.WebhookDispatcher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The database stops hard under write load and starts again (issue 17): callers get 503 with
 * Retry-After, never 500; the service recovers without a restart; every acknowledged write is
 * there and every failed one entirely there or entirely absent; the outage is logged once.
 */
@QuarkusTest
class DatabaseOutageTest {
    static final int WRITERS = 4;

    @Inject
    TestData data;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    WebhookDispatcher webhooks;

    record Attempt(String name, int status, String id, String retryAfter, String contentType) {
    }

    @Test
    void aStoppedDatabaseAnswers503AndRecoversWithoutLosingOrHalfWritingAnything() throws Exception {
        String ocmw = data.newOcmw();
        PostgresServer server = PostgresServer.ofTheTests();
        Counting log = Counting.attach();
        ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.execute(() -> {
                for (int i = 0; writing.get(); i++) {
                    String name = "Outage " + writer + "-" + i;
                    Response r = as(ocmw, "admin").body(Map.of("name", name))
                            .post("/organisations/" + ocmw + "/coaches");
                    attempts.add(new Attempt(name, r.statusCode(), r.statusCode() == 201 ? r.path("id") : null,
                            r.header("Retry-After"), r.contentType()));
                }
            });
        }
        try {
            Thread.sleep(1_000);
            server.stopHard();
            Thread.sleep(2_000);
            as("vdab", "analyst").get("/municipalities").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("code", equalTo("service-unavailable"));
            String readiness = invalid(given()).get("/q/health/ready").then().statusCode(503)
                    .body("status", equalTo("DOWN")).extract().asString();
            assertTrue(!readiness.contains("127.0.0.1") && !readiness.contains("localhost")
                    && !readiness.contains("jdbc"), "readiness names no address: " + readiness);
            for (int i = 0; i < 3; i++) {
                webhooks.dispatch(); // background work during the outage: no exception, no log per attempt
            }
            Thread.sleep(1_000);
        } finally {
            server.start();
        }
        Duration recovery = awaitRecovery();
        writing.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS));

        List<Attempt> all = new ArrayList<>(attempts);
        List<Attempt> acknowledged = all.stream().filter(a -> a.status() == 201).toList();
        List<Attempt> failed = all.stream().filter(a -> a.status() != 201).toList();
        System.out.printf("Outage: %d writes acknowledged, %d refused (503), answering again %d ms after the restart%n",
                acknowledged.size(), failed.size(), recovery.toMillis());
        assertTrue(acknowledged.size() > 0 && failed.size() > 0, "writes before and during the outage");
        for (Attempt a : failed) {
            assertEquals(503, a.status(), "a failed write is a 503, never a 500: " + a);
            assertEquals("5", a.retryAfter(), a.toString());
            assertTrue(a.contentType().startsWith("application/problem+json"), a.toString());
        }
        for (Attempt a : acknowledged) {
            assertEquals(1, data.count("select count(*) from coach where id = cast(?1 as uuid)", a.id()), a.name());
            assertEquals(1, data.count("select count(*) from audit_event where entity_type = 'coach' and entity_id = ?1",
                    a.id()), "an acknowledged write has its audit event: " + a.name());
        }
        for (Attempt a : failed) { // a commit whose answer was lost may be there: then entirely
            assertEquals(data.count("select count(*) from coach where name = ?1", a.name()),
                    data.count("select count(*) from audit_event a join coach c on a.entity_id = c.id::text "
                            + "where c.name = ?1", a.name()), "half-written: " + a.name());
        }
        assertEquals(1, log.warnings.size(), "the outage is logged once: " + log.warnings);
        assertTrue(log.warnings.get(0).startsWith(DatabaseOutage.class.getName()), log.warnings.toString());
        assertEquals(List.of(), log.errors, "no stack trace per request or attempt");
        log.detach();
        as("vdab", "analyst").get("/municipalities").then().statusCode(200);
        invalid(given()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // the writers' organisation is rate limited again (its bucket is in the database, ADR 0039)
        for (int i = 0; i < 3; i++) {
            as(ocmw, "admin").get("/organisations/" + ocmw + "/coaches");
        }
        as(ocmw, "admin").get("/organisations/" + ocmw + "/coaches").then().statusCode(200)
                .header("RateLimit", startsWith("\"organisation\";r="));
    }

    @Test
    void everyStatementAndIdleTransactionHasATimeLimitAndNoneIsJitCompiled() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("select current_setting('statement_timeout'), "
                     + "current_setting('idle_in_transaction_session_timeout'), current_setting('jit')")) {
            rs.next();
            assertEquals("15s", rs.getString(1));
            assertEquals("1min", rs.getString(2));
            assertEquals("off", rs.getString(3));
        }
    }

    private static Duration awaitRecovery() throws InterruptedException {
        Instant start = Instant.now();
        while (as("vdab", "analyst").get("/municipalities").statusCode() != 200) {
            assertTrue(Duration.between(start, Instant.now()).toSeconds() < 30, "not recovered within 30 s");
            Thread.sleep(50);
        }
        return Duration.between(start, Instant.now());
    }

    /** Counts the warnings and errors of the outage as an operator reads them on the console. */
    static final class Counting extends Handler {
        private static final java.util.logging.Filter CONSOLE = new be.twe.common.observability.OneWarningPerOutage();
        final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

        static Counting attach() {
            Counting handler = new Counting();
            Logger.getLogger("").addHandler(handler);
            return handler;
        }

        void detach() {
            Logger.getLogger("").removeHandler(this);
        }

        /** Every warning and error of any logger that the console shows (its filter applied). */
        @Override
        public void publish(LogRecord record) {
            if (!CONSOLE.isLoggable(record)) {
                return;
            }
            String line = record.getLoggerName() + ": " + record.getMessage();
            if (record.getLevel().intValue() == Level.WARNING.intValue()) {
                warnings.add(line);
            } else if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
