package be.twe.trajectory;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Requests;
import be.twe.support.TestData;
import be.twe.support.TestFiles;
import io.quarkus.test.junit.QuarkusTest;

/** INSZ numbers and document names never reach the log, also when requests fail on them. */
@QuarkusTest
class PersonalDataLoggingTest {
    @Inject
    TestData data;

    @Test
    void inszIsNeverLogged() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + List.of(
                        record.getParameters() == null ? new Object[0] : record.getParameters())
                        + " " + (record.getThrown() == null ? "" : stackTrace(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String ocmw = data.newOcmw();
            UUID coach = data.accreditedCoach(ocmw);
            String insz = TestData.newInsz();
            Map<String, Object> body = Map.of("ocmwId", ocmw, "clientInsz", insz, "startDate", "2024-01-01",
                    "coachId", coach.toString());
            String trajectory = as(ocmw, "coach").body(body).post("/trajectories").then().statusCode(201)
                    .extract().path("id");
            as(ocmw, "coach").body(body).post("/trajectories").then().statusCode(409);
            String name = "Janssens-Vermeulen";
            for (Map.Entry<byte[], Integer> upload : Map.of(TestFiles.pdf(), 201, TestFiles.png(), 415).entrySet()) {
                as(ocmw, "coach").contentType(TestFiles.PDF).body(upload.getKey()).queryParam("kind", "POP")
                        .queryParam("title", "POP " + name).queryParam("fileName", name + ".pdf")
                        .post("/trajectories/" + trajectory + "/documents").then().statusCode(upload.getValue());
            }
            // a transfer's free text may name the client: once refused (no end given), once accepted
            for (int status : new int[] {400, 201}) {
                Map<String, Object> transfer = new java.util.HashMap<>(Map.of("reason", "OTHER",
                        "reasonText", "Mevrouw " + name + " verhuist", "channel", "SPOC_NOTE",
                        "transferDate", "2024-06-30"));
                if (status == 201) {
                    transfer.put("trajectoryEnd", Map.of("endReason", "STOPPED_EARLY", "endAdvice", name + " verhuist"));
                }
                as(ocmw, "coach").body(transfer).post("/trajectories/" + trajectory + "/transfers").then()
                        .statusCode(status);
            }
            String wrong = insz.substring(0, 10) + (insz.endsWith("9") ? "0" : "9");
            as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01").clientInsz(wrong)))
                    .post("/trajectories").then().statusCode(400);
            org.jboss.logging.Logger.getLogger("be.twe").info("capture-check");
            assertTrue(lines.stream().anyMatch(l -> l.contains("capture-check")), "the handler sees the log");
            lines.forEach(line -> {
                assertFalse(line.contains(insz), "INSZ in the log: " + line);
                assertFalse(line.contains(wrong), "INSZ in the log: " + line);
                assertFalse(line.contains(name), "a document's name or a transfer's text in the log: " + line);
            });
        } finally {
            root.removeHandler(capture);
        }
    }

    static String stackTrace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
