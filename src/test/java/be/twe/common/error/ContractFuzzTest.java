package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import be.twe.support.Api;
import be.twe.support.Contract;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import be.twe.support.fuzz.FuzzRequests;
import be.twe.support.fuzz.FuzzRequests.FuzzRequest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A contract-driven fuzz (issue 17): requests for every operation of the bundled contract, with
 * fixture ids and callers of every kind, most of them breaking one thing (a parameter, a field, a
 * header, the method, the media type, the body). No answer may be a 5xx, and every 4xx must be a
 * problem (application/problem+json with its status). The seed makes a run reproducible
 * ({@code -Dfuzz.seed}); {@code -Dfuzz.requests} sets how many.
 */
@QuarkusTest
class ContractFuzzTest {
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
    static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    private String ocmw;
    private String cluster;

    @AfterEach
    void leavesNoBackgroundWork() throws InterruptedException {
        data.awaitBackgroundJobs(Duration.ofMinutes(3));
    }

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Contract.BUNDLE.toFile());
        Random random = new Random(SEED);
        Map<String, List<String>> ids = fixtures();
        FuzzRequests generator = new FuzzRequests(contract, random, ids, callers());
        List<FuzzRequests.Operation> operations = generator.operations();
        List<FuzzRequest> requests = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(generator.next(operations.get(i % operations.size())));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<Integer, AtomicInteger> histogram = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> succeeded = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> sent = new ArrayList<>();
        for (FuzzRequest request : requests) {
            sent.add(senders.submit(() -> {
                HttpResponse<String> response = send(client, request);
                histogram.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() < 300) {
                    succeeded.computeIfAbsent(request.operationId(), o -> new AtomicInteger()).incrementAndGet();
                }
                String fault = fault(request, response);
                if (fault != null && failures.size() < 25) {
                    failures.add(fault + "\n  request: " + request + "\n  answer: " + response.statusCode() + " "
                            + response.headers().firstValue("Content-Type").orElse("-") + " "
                            + response.body().substring(0, Math.min(300, response.body().length())));
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        senders.shutdown();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        int total = histogram.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf("Contract fuzz: %d requests over %d operations in %d s (seed %d), %d operations answered "
                        + "2xx at least once; statuses %s%n", total, operations.size(), seconds, SEED, succeeded.size(),
                new TreeMap<>(histogram));
        assertEquals(REQUESTS, total);
        assertTrue(failures.isEmpty(), failures.size() + " faults, the first ones:\n" + String.join("\n", failures));
    }

    private HttpResponse<String> send(HttpClient client, FuzzRequest request) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Api.BASE + request.uri()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What is wrong with the answer, or null. */
    private static String fault(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error " + status;
        }
        if (status < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + " without a problem body";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("status").asInt() == status && problem.path("code").isTextual() ? null
                    : "a problem whose status or code is wrong";
        } catch (Exception e) {
            return "a problem that is not JSON";
        }
    }

    private Map<String, List<String>> fixtures() {
        String ocmw = data.newOcmw();
        String cluster = data.newCluster();
        data.mandate(cluster, ocmw, java.time.LocalDate.of(2019, 1, 1), null);
        UUID coach = data.accreditedCoach(ocmw);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-02-29");
        String document = Registrations.document(ocmw, trajectory, "POP");
        String export = Api.as(ocmw, "coach").post("/exports?since=0").then().statusCode(202).extract().path("id");
        this.ocmw = ocmw;
        this.cluster = cluster;
        return Map.ofEntries(Map.entry("organisationId", List.of(ocmw, cluster, "vdab", "ocmw-44021")),
                Map.entry("ocmwId", List.of(ocmw)), Map.entry("clusterId", List.of(cluster)),
                Map.entry("coachId", List.of(coach.toString())), Map.entry("trajectoryId", List.of(trajectory)),
                Map.entry("instrumentId", List.of(instrument)), Map.entry("documentId", List.of(document)),
                Map.entry("exportId", List.of(export)), Map.entry("nisCode", List.of("44021", "11002", "12030")),
                Map.entry("clientInsz", List.of(TestData.newInsz())), Map.entry("externalReference",
                        List.of("FUZZ-1", "FUZZ-2")));
    }

    private List<String> callers() {
        List<String> callers = new ArrayList<>();
        for (String token : List.of(Tokens.token(ocmw, "coach"), Tokens.token(ocmw, "admin"),
                Tokens.token(ocmw, "coach", "admin", "analyst"), Tokens.token(ocmw, "helpdesk"),
                Tokens.token(cluster, "coach"), Tokens.token("vdab", "analyst"),
                Tokens.token("vdab", "spoc", "helpdesk", "admin"), Tokens.token(data.newOcmw("11002"), "coach"),
                Tokens.token("ocmw-unknown", "coach"), Tokens.with(ocmw, c -> c.expiresAt(1_600_000_000L), "coach"))) {
            callers.add("Bearer " + token);
        }
        callers.add(null);
        callers.add("Bearer abc.def.ghi");
        callers.add("Basic dXNlcjpwYXNz");
        return callers;
    }
}
