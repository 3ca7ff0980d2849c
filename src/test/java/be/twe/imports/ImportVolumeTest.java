package be.twe.imports;

import static be.twe.support.Imports.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Imports;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The done-when: an import of 10,000 instruments, some of them bad in different ways,
 * ends with a report that says for every line exactly what happened, and with exactly the good
 * lines' records in the database and the change feed.
 */
@QuarkusTest
class ImportVolumeTest {
    static final int INSTRUMENTS = 10_000;
    static final int MONTHS = 24; // one month-long WES per month of a trajectory: none overlap
    static final int BAD_EVERY = 97;

    @Inject
    TestData data;

    /** What a line must come out as: its status and HTTP status, and for a bad one the problem's code. */
    record Expected(String status, int httpStatus, String code) {
    }

    @Test
    void tenThousandInstrumentsWithBadLines() {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        long feedStart = data.feedPosition();
        List<String> lines = new ArrayList<>();
        List<Expected> expected = new ArrayList<>();
        int trajectories = (INSTRUMENTS + MONTHS - 1) / MONTHS;
        String prefix = "vol-" + UUID.randomUUID() + "-";
        for (int t = 0; t < trajectories; t++) {
            lines.add(line("createOrUpdateTrajectoryByReference", Map.of("externalReference", prefix + t),
                    Map.of("ocmwId", ocmw, "clientInsz", TestData.newInsz(), "startDate", "2024-01-01",
                            "coachId", coach.toString())));
            expected.add(new Expected("SUCCEEDED", 201, null));
        }
        int bad = 0;
        for (int i = 0; i < INSTRUMENTS; i++) {
            LocalDate start = LocalDate.of(2024, 1, 1).plusMonths(i % MONTHS);
            Map<String, Object> wes = Map.of("type", "WES", "employer", "Bakkerij Peeters",
                    "startDate", start.toString(), "plannedEndDate", start.plusMonths(1).minusDays(1).toString(),
                    "coachId", coach.toString());
            Map<String, Object> where = Map.of("trajectoryReference", prefix + i / MONTHS);
            if (i % BAD_EVERY != BAD_EVERY - 1) {
                lines.add(line("createInstrument", where, wes));
                expected.add(new Expected("SUCCEEDED", 201, null));
                continue;
            }
            switch (bad++ % 4) {
                case 0 -> {
                    lines.add("{\"operation\":\"createInstrument\",");
                    expected.add(new Expected("FAILED", 400, "invalid-input"));
                }
                case 1 -> { // no employer: a rule of the service, not of the schema
                    Map<String, Object> noEmployer = new HashMap<>(wes);
                    noEmployer.remove("employer");
                    lines.add(line("createInstrument", where, noEmployer));
                    expected.add(new Expected("FAILED", 400, "invalid-input"));
                }
                case 2 -> {
                    lines.add(line("createInstrument", Map.of("trajectoryReference", prefix + "missing"), wes));
                    expected.add(new Expected("FAILED", 404, "not-found"));
                }
                default -> { // the same month as the line before: overlaps the instrument it made
                    lines.add(lines.get(lines.size() - 1));
                    expected.add(new Expected("FAILED", 409, "instrument-overlap"));
                }
            }
        }

        String id = Imports.submit(ocmw, lines);
        JsonPath job = Imports.awaitFinished(ocmw, id, Duration.ofMinutes(15));

        long good = expected.stream().filter(e -> e.status().equals("SUCCEEDED")).count();
        assertEquals(lines.size(), job.getInt("lineCount"));
        assertEquals(good, job.getInt("succeeded"));
        assertEquals(lines.size() - good, job.getInt("failed"));
        List<Map<String, Object>> report = Imports.report(ocmw, id);
        assertEquals(lines.size(), report.size());
        for (int n = 0; n < report.size(); n++) {
            Map<String, Object> got = report.get(n);
            Expected want = expected.get(n);
            assertEquals(n + 1, got.get("line"));
            assertEquals(want.status(), got.get("status"), got.toString());
            assertEquals(want.httpStatus(), got.get("httpStatus"), got.toString());
            if (want.code() != null) {
                assertEquals(want.code(), ((Map<?, ?>) got.get("problem")).get("code"), got.toString());
            }
        }
        assertEquals(good - trajectories, data.count("select count(*) from instrument i join trajectory t "
                + "on t.id = i.trajectory_id where t.ocmw_id = ?1", ocmw));
        assertEquals(good, data.count("select count(distinct resource_id) from change_event "
                + "where position > ?1 and organisation_id = ?2 and kind = 'CREATED'", feedStart, ocmw));
    }
}
