package be.twe.document;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static be.twe.support.TestData.newInsz;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.support.Api;
import be.twe.support.Requests;
import be.twe.support.SpoolFiles;
import be.twe.support.StoredDocuments;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The size limit (20 MB by default) and interrupted uploads. These requests are sent with the JDK's
 * HTTP client or a raw socket, because they stream bodies that the contract-validating test client
 * would read into memory first.
 */
@QuarkusTest
class DocumentLimitsTest {
    static final int MAX = 20 * 1024 * 1024;

    @Inject
    TestData data;
    @Inject
    StoredDocuments stored;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    String ocmw;
    String trajectory;

    @BeforeEach
    void trajectory() {
        ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        trajectory = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01")))
                .post("/trajectories").then().statusCode(201).extract().path("id");
    }

    URI documents() {
        return URI.create("http://localhost:" + port + Api.BASE + "/trajectories/" + trajectory
                + "/documents?kind=POP&title=Plan&fileName=plan.pdf");
    }

    HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(documents())
                .header("Authorization", "Bearer " + Tokens.token(ocmw, "coach"))
                .header("Content-Type", TestFiles.PDF)
                .timeout(Duration.ofSeconds(60))
                .POST(body).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The status line and headers of a response. */
    static String head(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        for (int c = in.read(); c >= 0 && !head.toString().endsWith("\r\n\r\n"); c = in.read()) {
            head.append((char) c);
        }
        return head.toString();
    }

    @Test
    void exactlyTheMaximumIsAccepted() throws Exception {
        HttpResponse<String> response = send(
                HttpRequest.BodyPublishers.ofInputStream(() -> TestFiles.pdfStream(MAX)));
        assertEquals(201, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"size\":" + MAX), response.body());
    }

    @Test
    void oneByteOverTheMaximumWithoutContentLengthIs413WhileStreamingAndStoresNothing() throws Exception {
        StoredDocuments.Counts before = stored.counts();
        // ofInputStream has no length: the body is sent chunked, so only counting can catch it
        HttpResponse<String> response = send(
                HttpRequest.BodyPublishers.ofInputStream(() -> TestFiles.pdfStream(MAX + 1)));
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"code\":\"payload-too-large\""), response.body());
        assertEquals(before, stored.counts());
    }

    @Test
    void aDeclaredContentLengthOverTheMaximumIs413BeforeReading() throws Exception {
        StoredDocuments.Counts before = stored.counts();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + documents().getRawPath() + "?" + documents().getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.token(ocmw, "coach") + "\r\n"
                    + "Content-Type: application/pdf\r\nContent-Length: " + (MAX + 1) + "\r\n\r\n%PDF-1.7\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = head(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
        }
        assertEquals(before, stored.counts());
    }

    @Test
    void anInterruptedUploadLeavesNothingBehind() throws Exception {
        StoredDocuments.Counts before = stored.counts();
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + documents().getRawPath() + "?" + documents().getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + Tokens.token(ocmw, "coach") + "\r\n"
                    + "Content-Type: application/pdf\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(TestFiles.pdf(400_000));
            out.flush();
            awaitSpoolFiles(1); // the server is reading the first part ...
            assertEquals(0, stored.openTransactions(), "... without a transaction while the body arrives");
        }
        awaitSpoolFiles(0); // ... and has given up on the rest
        assertEquals(0, stored.openTransactions());
        assertEquals(before, stored.counts());
    }

    void awaitSpoolFiles(int expected) throws Exception {
        long seen = SpoolFiles.present().size();
        for (int i = 0; i < 300 && seen != expected; i++) {
            Thread.sleep(100);
            seen = SpoolFiles.present().size();
        }
        assertEquals(expected, seen, "spool files");
    }
}
