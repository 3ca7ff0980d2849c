package be.twe.common.rest;

import static be.twe.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Registrations;
import be.twe.support.SpoolFiles;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sixty clients upload documents and imports at 16 bytes every half second (issue 17): bodies are
 * read before any database work, so other requests keep answering at once, and each slow body
 * is refused with a 408 problem after the body timeout (4 s in tests), its spool file removed.
 */
@QuarkusTest
class SlowBodyTest {
    static final int SLOW_CLIENTS = 60;

    @Inject
    TestData data;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void slowBodiesHoldNoDatabaseConnectionAndEndIn408() throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        String token = Tokens.token(ocmw, "coach");
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            boolean document = i % 4 != 0;
            clients.add(startSlowUpload(document
                    ? "/trajectories/" + trajectory + "/documents?kind=POP&title=Plan&fileName=plan.pdf"
                    : "/imports", document ? "application/pdf" : "application/x-ndjson", token));
        }
        AtomicBoolean dribbling = new AtomicBoolean(true);
        Thread dribbler = new Thread(() -> {
            while (dribbling.get()) {
                for (Socket client : clients) {
                    try {
                        client.getOutputStream().write("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                    } catch (IOException answeredAndClosed) {
                        // the server has answered (408) and may close the connection
                    }
                }
                sleep(500);
            }
        });
        dribbler.start();
        try {
            sleep(1_000); // every slow request has reached its operation
            long slowest = 0;
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                as(ocmw, "coach").get("/trajectories/" + trajectory).then().statusCode(200);
                as("vdab", "analyst").get("/municipalities?limit=5").then().statusCode(200);
                slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
            }
            System.out.printf("Slow bodies: %d clients sending; slowest pair of other requests %d ms%n",
                    SLOW_CLIENTS, slowest);
            assertTrue(slowest < 1_000, "other requests answered within a second, the slowest pair took "
                    + slowest + " ms");
            for (Socket client : clients) {
                client.setSoTimeout(20_000);
                BufferedReader answer = new BufferedReader(new InputStreamReader(client.getInputStream(),
                        StandardCharsets.US_ASCII));
                String status = answer.readLine();
                assertEquals("HTTP/1.1 408 Request Timeout", status);
                List<String> headers = new ArrayList<>();
                for (String line = answer.readLine(); line != null && !line.isEmpty(); line = answer.readLine()) {
                    headers.add(line.toLowerCase());
                }
                assertTrue(headers.contains("content-type: application/problem+json"), headers.toString());
                client.setSoTimeout(5_000);
                while (answer.read() >= 0) { // the server ends the connection after the answer
                    continue;
                }
            }
        } finally {
            dribbling.set(false);
            dribbler.join();
            for (Socket client : clients) {
                client.close();
            }
        }
        assertEquals(List.of(), SpoolFiles.present(), "no spool file is left behind");
    }

    private Socket startSlowUpload(String path, String contentType, String token) throws IOException {
        Socket socket = new Socket("localhost", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + Api.BASE + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: 100000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
