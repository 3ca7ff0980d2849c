package be.twe.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How many creates per second the API takes, with every fed write's feed entry (ADR 0008; no
 * commit lock since V31), and with an Idempotency-Key, which a create also writes (ADR 0009). Input for the bulk import's design. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=WriteThroughputBenchmark} and copy target/benchmarks/write-throughput.md
 * into docs/benchmarks.md.
 */
@QuarkusTest
class WriteThroughputBenchmark {
    static final int CREATES = 600;
    static final int WARM_UP = 300;
    static final int MONTHS = 24;

    @Inject
    TestData data;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final HttpClient client = HttpClient.newHttpClient();
    String ocmw;
    String coach;
    String token;
    final List<String> trajectories = new ArrayList<>();
    final AtomicInteger slot = new AtomicInteger();

    @Test
    void instrumentCreates() throws Exception {
        ocmw = data.newOcmw();
        UUID coachId = data.accreditedCoach(ocmw);
        coach = coachId.toString();
        token = Tokens.token(ocmw, "coach");
        // one month-long WES per month of each trajectory, so that no two creates overlap
        for (int i = 0; i < (WARM_UP + 4 * CREATES) / MONTHS + 1; i++) {
            trajectories.add(Registrations.trajectory(ocmw, ocmw, coachId, "2024-01-01"));
        }
        for (int i = 0; i < WARM_UP; i++) {
            create(false); // JIT, connection pools
        }

        StringBuilder table = new StringBuilder("| Creates | Clients | Idempotency-Key | Per second | p50 (ms) "
                + "| p95 (ms) |\n|---|---|---|---|---|---|\n");
        table.append(run(1, false)).append(run(4, false)).append(run(1, true)).append(run(4, true));
        Path out = Path.of("target/benchmarks/write-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    String run(int clients, boolean withKey) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            work.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < CREATES / clients; i++) {
                    latencies.add(create(withKey));
                }
            }, pool));
        }
        CompletableFuture.allOf(work.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        return String.format("| %d | %d | %s | %.0f | %.1f | %.1f |%n", latencies.size(), clients,
                withKey ? "yes" : "no", latencies.size() / seconds, latencies.get(latencies.size() / 2) / 1e6,
                latencies.get((int) (latencies.size() * 0.95)) / 1e6);
    }

    /** One instrument create; returns its latency in nanoseconds. */
    long create(boolean withKey) {
        int n = slot.getAndIncrement();
        String trajectory = trajectories.get(n / MONTHS);
        LocalDate start = LocalDate.of(2024, 1, 1).plusMonths(n % MONTHS);
        String body = "{\"type\":\"WES\",\"employer\":\"Bakkerij Peeters\",\"startDate\":\"" + start
                + "\",\"plannedEndDate\":\"" + start.plusMonths(1).minusDays(1) + "\",\"coachId\":\"" + coach + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Api.BASE
                        + "/trajectories/" + trajectory + "/instruments"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        long begin = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return System.nanoTime() - begin;
    }
}
