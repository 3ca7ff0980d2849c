package be.twe.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import be.twe.statistics.service.StatisticsRefresh;
import be.twe.support.Api;
import be.twe.support.DatabaseOwner;
import be.twe.support.TestData;
import be.twe.support.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Latency of every statistics call over ten times the Flemish volume (230,000 trajectories,
 * about 540,000 instruments, transfers with follow-up and plans over ten years, generated in PostgreSQL by
 * {@code benchmark/statistics-volume.sql}). Each call runs 5 times to warm up (the first is reported: it builds
 * the rollup of a call that VDAB answers from one, ADR 0044), then 50 times;
 * the goal is p95 under 100 ms. Not part of {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=StatisticsBenchmark} and copy target/benchmarks/statistics.md into
 * docs/benchmarks.md. {@code -Dbenchmark.calls=instruments} runs only the calls whose path contains
 * that text, to look into one of them.
 */
@QuarkusTest
class StatisticsBenchmark {
    static final int WARM_UP = 5;
    static final int RUNS = 50;
    /** Who calls and what: VDAB over the whole history, and a cluster and an OCMW over their own. */
    static final List<String[]> CALLS = List.of(
            new String[] {"vdab", "/statistics/starts?groupBy=year"},
            new String[] {"vdab", "/statistics/starts?groupBy=province,year"},
            new String[] {"vdab", "/statistics/starts?groupBy=municipality,year"},
            new String[] {"vdab", "/statistics/starts?groupBy=municipality,year&municipalities=MERGED_2025"},
            new String[] {"vdab", "/statistics/starts?groupBy=province,year&fromYear=2025&toYear=2025"},
            new String[] {"vdab", "/statistics/ends?groupBy=year,endReason"},
            new String[] {"vdab", "/statistics/ends?groupBy=municipality,year"},
            new String[] {"vdab", "/statistics/instruments?groupBy=instrumentType,outcome,year"},
            new String[] {"vdab", "/statistics/instruments?groupBy=municipality,instrumentType"},
            new String[] {"vdab", "/statistics/target-years?groupBy=province,year"},
            new String[] {"vdab", "/statistics/trainings?groupBy=year,organiser,kind"},
            new String[] {"vdab", "/statistics/trainings?groupBy=year,trainingName"},
            new String[] {"vdab", "/statistics/instruments?groupBy=municipality,instrumentType&fromYear=2022&toYear=2024"},
            new String[] {"vdab", "/statistics/transfers?groupBy=year,reason,channel"},
            new String[] {"vdab", "/statistics/outcomes?groupBy=province,year"},
            new String[] {"vdab", "/statistics/helpdesk?groupBy=year,resourceType"},
            new String[] {"vdab", "/statistics/coaches?groupBy=municipality"},
            new String[] {"vdab", "/statistics/plans?groupBy=municipality"},
            new String[] {"cluster-emino", "/statistics/starts?groupBy=municipality,year"},
            new String[] {"ocmw-11002", "/statistics/instruments?groupBy=instrumentType,year"});

    @Inject
    TestData data;
    @Inject
    StatisticsRefresh refresh;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void everyCallOverTenTimesTheFlemishVolume() throws Exception {
        long loadStart = System.nanoTime();
        // an external database given with -Dquarkus.datasource.jdbc.url keeps the volume between runs
        boolean loaded = data.count("select count(*) from trajectory") >= 230_000;
        if (!loaded) {
            // the tables' owner, on a connection of its own: the API's statement timeout (15 s) stays as shipped
            try (Connection connection = DatabaseOwner.connect(); Statement statement = connection.createStatement()) {
                statement.execute("set statement_timeout = 0");
                statement.execute(new String(getClass().getResourceAsStream("/benchmark/statistics-volume.sql")
                        .readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        long trajectories = data.count("select count(*) from trajectory");
        long instruments = data.count("select count(*) from instrument");
        assertTrue(trajectories >= 230_000 && instruments >= 500_000, trajectories + " / " + instruments);

        data.execute("insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW'");
        long refreshStart = System.nanoTime();
        int refreshed = refresh.refresh();
        double refreshSeconds = (System.nanoTime() - refreshStart) / 1e9;
        assertEquals(data.count("select count(*) from organisation where kind = 'OCMW'"), refreshed);

        StringBuilder table = new StringBuilder(String.format("%s %,d trajectories and %,d instruments in %.0f s;"
                + " computing the aggregates of all %d OCMWs took %.1f s.%n%n", loaded ? "Found" : "Loaded",
                trajectories, instruments, loadSeconds, refreshed, refreshSeconds));
        table.append("| Caller | Call | Rows | first (ms) | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|---|---|\n");
        List<String[]> calls = CALLS.stream().filter(call -> call[1].contains(System.getProperty("benchmark.calls", "")))
                .toList();
        for (String[] call : calls) {
            table.append(time(call[0], call[1], false));
        }
        table.append("\nEach call after a write to a trajectory of one OCMW (Antwerpen) and to its instruments: the call"
                + " first replaces that trajectory's parts in the figures that read either (ADR 0043), and changes the"
                + " rollups by them (ADR 0044):\n\n");
        table.append("| Caller | Call | Rows | first (ms) | p50 (ms) | p95 (ms) | max (ms) |\n|---|---|---|---|---|---|---|\n");
        for (String[] call : calls) {
            table.append(time(call[0], call[1], true));
        }
        Path out = Path.of("target/benchmarks/statistics.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    String time(String caller, String path, boolean afterWrite) throws Exception {
        String token = Tokens.token(caller, "analyst");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + Api.BASE + path))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        int rows = 0;
        long first = 0;
        for (int i = 0; i < WARM_UP; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            first = i == 0 ? System.nanoTime() - begin : first;
            assertEquals(200, response.statusCode(), response.body());
            rows = response.body().split("\\},\\{", -1).length;
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            if (afterWrite) {
                // a write to one of its trajectories and its instruments, which marks every figure that
                // reads either
                data.execute("with t as (update trajectory set updated_at = now() where id = (select id from trajectory"
                        + " where ocmw_id = 'ocmw-11002' order by id limit 1) returning id)"
                        + " update instrument set employer = employer where trajectory_id in (select id from t)");
            }
            long begin = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - begin);
            assertEquals(200, response.statusCode());
        }
        Collections.sort(latencies);
        return String.format("| %s | `%s` | %d | %.1f | %.1f | %.1f | %.1f |%n", caller, path, rows, first / 1e6,
                latencies.get(RUNS / 2) / 1e6, latencies.get((int) Math.ceil(RUNS * 0.95) - 1) / 1e6,
                latencies.get(RUNS - 1) / 1e6);
    }
}
