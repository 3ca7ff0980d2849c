package be.twe.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that closes the connection before its body is complete (wrk did at the end of each
 * benchmark phase, issue 20) is not an unexpected error: nothing is logged as one, with or without
 * a stack trace.
 */
@QuarkusTest
class AbortedRequestTest {
    @Inject
    TestData data;
    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void aBodyCutOffByTheClientLogsNoError() throws Exception {
        String ocmw = data.newOcmw();
        DatabaseOutageTest.Counting log = DatabaseOutageTest.Counting.attach();
        try {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket("localhost", port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/trajectories HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Authorization: Bearer " + Tokens.token(ocmw, "coach") + "\r\n"
                            + "Content-Length: 400\r\n\r\n{\"ocmwId\": \"" + ocmw + "\", ").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300); // the request is being read when the connection closes
                }
            }
            Thread.sleep(1000);
            assertEquals(List.of(), log.errors);
        } finally {
            log.detach();
        }
    }
}
