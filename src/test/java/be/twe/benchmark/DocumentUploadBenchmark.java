package be.twe.benchmark;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How much heap a 20 MB upload and download keep: the live heap after a full GC, sampled while the
 * transfers run, against the same measure before. Not part of {@code ./mvnw verify} (the name does
 * not end in Test); run it with {@code ./mvnw test -Dtest=DocumentUploadBenchmark} and copy the
 * table from target/benchmarks/document-upload.md into docs/benchmarks.md.
 */
@QuarkusTest
class DocumentUploadBenchmark {
    static final long SIZE = 20L * 1024 * 1024;
    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    @Inject
    TestData data;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void heapDuringUploadsAndDownloads() throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String trajectory = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01")))
                .post("/trajectories").then().statusCode(201).extract().path("id");
        String token = Tokens.token(ocmw, "coach");
        HttpClient client = HttpClient.newHttpClient();
        URI documents = URI.create("http://localhost:" + port + Api.BASE + "/trajectories/" + trajectory + "/documents");

        upload(client, documents, token); // warm-up: classes, pools, JIT
        List<String> rows = new ArrayList<>();
        // control: the same measure must see a file held whole in memory
        rows.add(measure("control: a 20 MB array held for 1 s", () -> {
            byte[] whole = new byte[(int) SIZE];
            sleep(1000);
            whole[0] = 1;
        }));
        for (int parallel : new int[] {1, 4}) {
            List<String> ids = new ArrayList<>();
            rows.add(measure(parallel + " x 20 MB upload", () -> {
                List<CompletableFuture<String>> uploads = new ArrayList<>();
                for (int i = 0; i < parallel; i++) {
                    uploads.add(CompletableFuture.supplyAsync(() -> upload(client, documents, token)));
                }
                uploads.forEach(u -> ids.add(u.join()));
            }));
            rows.add(measure(parallel + " x 20 MB download", () -> {
                List<CompletableFuture<Long>> downloads = new ArrayList<>();
                for (String id : ids) {
                    downloads.add(CompletableFuture.supplyAsync(() -> download(client,
                            URI.create(documents + "/" + id + "/versions/1/content"), token)));
                }
                downloads.forEach(d -> assertEquals(SIZE, d.join()));
            }));
        }
        String table = "| Transfer | Live heap before (MB) | Highest live heap during (MB) | Growth (MB) | Seconds |\n"
                + "|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        Path out = Path.of("target/benchmarks/document-upload.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);
    }

    interface Transfer {
        void run() throws Exception;
    }

    /** Live heap = used heap right after a full GC; sampled every 100 ms while the transfer runs. */
    static String measure(String name, Transfer transfer) throws Exception {
        long before = liveHeap();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong highest = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                highest.accumulateAndGet(liveHeap(), Math::max);
                sleep(100);
            }
        });
        long start = System.nanoTime();
        sampler.start();
        transfer.run();
        running.set(false);
        sampler.join();
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("| %s | %.1f | %.1f | %.1f | %.1f |", name, mb(before), mb(highest.get()),
                mb(highest.get() - before), seconds);
    }

    static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String upload(HttpClient client, URI documents, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(documents + "?kind=POP&title=Plan&fileName=plan.pdf"))
                .header("Authorization", "Bearer " + token).header("Content-Type", TestFiles.PDF)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> TestFiles.pdfStream(SIZE))).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            return response.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long download(HttpClient client, URI content, String token) {
        HttpRequest request = HttpRequest.newBuilder(content).header("Authorization", "Bearer " + token).build();
        try (InputStream body = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
            return body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
