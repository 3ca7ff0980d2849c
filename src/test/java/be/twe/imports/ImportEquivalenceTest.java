package be.twe.imports;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Lines run in batches (ADR 0034, and line by line when the database refuses a batch, ADR 0027),
 * yet each line has exactly the outcome and problem it has as a single call after the lines
 * before it: one file is imported by one OCMW and made by single calls by another (the same
 * operations with its own coach and clients), and the two reports match line by line, refusals
 * included, within and across batches.
 */
@QuarkusTest
class ImportEquivalenceTest {
    static final int BATCH = 500; // twe.imports.batch-lines
    static final int SHARED_CLIENT = -2; // a client with an open trajectory at a third OCMW

    @Inject
    TestData data;
    @Inject
    MeterRegistry meters;

    /** One line of the file, independent of the OCMW that runs it. */
    record Step(String operation, String reference, String trajectoryReference, Map<String, Object> body) {
    }

    /** What one OCMW needs to make the steps its own: its id, coach and a fresh INSZ per client number. */
    record Party(String ocmw, UUID coach, Map<Integer, String> insz) {
        Party(String ocmw, UUID coach) {
            this(ocmw, coach, new HashMap<>());
        }

        String insz(int client) {
            return client == -1 ? "85073100321" : insz.computeIfAbsent(client, c -> TestData.newInsz()); // fails mod 97
        }
    }

    /** ~260 steps: trajectories each followed by instruments, with refusals of every kind spread over the batches. */
    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (int client = 0; steps.size() < 260; client++) {
            String ref = "T-" + client;
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(client % 200);
            steps.add(trajectory(ref, client, start));
            steps.add(wes(ref, start.plusDays(10), start.plusDays(40)));
            switch (client % 9) {
                case 1 -> steps.add(wes(ref, start.plusDays(20), start.plusDays(50)));          // 409 instrument-overlap
                case 2 -> steps.add(trajectory(null, client, start));                         // 409 client-has-open-trajectory
                case 3 -> steps.add(wes(ref, start.minusDays(5), start.plusDays(5)));          // 422 outside the trajectory
                case 4 -> steps.add(wes("T-unknown", start, start.plusDays(5)));               // 404 unknown reference
                case 5 -> steps.add(trajectory("T-bad-" + client, -1, start));                // 400 body.clientInsz
                case 6 -> steps.add(trajectory(ref, client, start));                          // 200: the same again
                case 7 -> {                                                                   // two refusals in a row
                    steps.add(wes(ref, start.plusDays(30), start.plusDays(60)));
                    steps.add(wes(ref, start.plusDays(40), start.plusDays(45)));
                }
                default -> {
                }
            }
        }
        // two refusals in a row far from their trajectory's line
        steps.add(100, wes("T-0", LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 20)));
        steps.add(99, wes("T-0", LocalDate.of(2024, 1, 16), LocalDate.of(2024, 1, 21)));
        steps.add(wes("T-1", LocalDate.of(2024, 1, 13), LocalDate.of(2024, 1, 14)));        // the file's last line: 409
        return steps;
    }

    static Step trajectory(String reference, int client, LocalDate start) {
        Map<String, Object> body = new HashMap<>();
        body.put("client", client);
        body.put("startDate", start.toString());
        return new Step(reference == null ? "createTrajectory" : "createOrUpdateTrajectoryByReference", reference, null,
                body);
    }

    static Step wes(String trajectoryReference, LocalDate start, LocalDate plannedEnd) {
        return new Step("createInstrument", null, trajectoryReference, Map.of("type", "WES", "employer",
                "Bakkerij Peeters", "startDate", start.toString(), "plannedEndDate", plannedEnd.toString()));
    }

    /** A PUT names every field (ADR 0017), its line's body too. */
    static Step wesByReference(String reference, String trajectoryReference, LocalDate start, LocalDate plannedEnd) {
        Map<String, Object> body = new HashMap<>(wes(trajectoryReference, start, plannedEnd).body());
        body.put("socialRightsBuiltUp", null);
        body.put("training", null);
        return new Step("createOrUpdateInstrumentByReference", reference, trajectoryReference, body);
    }

    /**
     * About one line in ten refused, over more than one batch: refusals the batch's rules find,
     * one the batch cannot see (a client's open trajectory at another OCMW: the database's
     * constraint refuses it), and changes of existing records, which run as single calls.
     */
    static List<Step> oneInTenRefused(int size) {
        List<Step> steps = new ArrayList<>();
        for (int client = 0; steps.size() < size; client++) {
            String ref = "T-" + client;
            String instrument = "I-" + client;
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(client % 200);
            steps.add(trajectory(ref, client, start));
            steps.add(wes(ref, start.plusDays(10), start.plusDays(40)));
            switch (client % 30) {
                case 1 -> steps.add(wes(ref, start.plusDays(20), start.plusDays(50)));               // 409 overlap
                case 4 -> steps.add(wes(ref, start.minusDays(5), start.plusDays(5)));               // 422 outside
                case 7 -> steps.add(trajectory("T-bad-" + client, -1, start));                     // 400 body.clientInsz
                case 10 -> steps.add(trajectory("T-shared-" + client, SHARED_CLIENT, start));      // 409 by the constraint
                case 13 -> {                                                                       // 201, then 200
                    steps.add(wesByReference(instrument, ref, start.plusDays(50), start.plusDays(60)));
                    steps.add(wesByReference(instrument, ref, start.plusDays(50), start.plusDays(60)));
                }
                case 16 -> {                                                   // 201, then a change without If-Match
                    steps.add(wesByReference(instrument, ref, start.plusDays(50), start.plusDays(60)));
                    steps.add(wesByReference(instrument, ref, start.plusDays(50), start.plusDays(61)));
                }
                case 19 -> steps.add(trajectory(null, client, start));                            // 409 open trajectory
                case 22 -> steps.add(wes("T-unknown", start, start.plusDays(5)));                 // 404 reference
                case 28 -> steps.add(new Step("createOrUpdateInstrumentByReference", "I-" + client, ref,
                        wes(ref, start.plusDays(70), start.plusDays(80)).body()));            // 400 a PUT names every field
                case 25 -> steps.add(trajectory(ref, client, start));                             // 200 the same again
                default -> {
                }
            }
        }
        return steps;
    }

    static Map<String, Object> body(Step step, Party party) {
        Map<String, Object> body = new HashMap<>(step.body());
        body.put("coachId", party.coach().toString());
        if (body.containsKey("client")) {
            body.put("clientInsz", party.insz((Integer) body.remove("client")));
            body.put("ocmwId", party.ocmw());
        }
        return body;
    }

    static String line(Step step, Party party) {
        Map<String, Object> fields = new HashMap<>();
        if (step.reference() != null) {
            fields.put("externalReference", step.reference());
        }
        if (step.trajectoryReference() != null) {
            fields.put("trajectoryReference", step.trajectoryReference());
        }
        return Imports.line(step.operation(), fields, body(step, party));
    }

    /** The step as its single call: status and problem code (or resource type). */
    static String single(Step step, Party party) {
        Response answer = switch (step.operation()) {
            case "createTrajectory" -> as(party.ocmw(), "coach").body(body(step, party)).post("/trajectories");
            case "createOrUpdateTrajectoryByReference" -> as(party.ocmw(), "coach").body(body(step, party))
                    .put("/trajectories/by-reference/" + step.reference());
            default -> {
                Response trajectory = as(party.ocmw(), "coach")
                        .get("/trajectories/by-reference/" + step.trajectoryReference());
                String instruments = "/trajectories/" + trajectory.path("id") + "/instruments";
                yield trajectory.statusCode() != 200 ? trajectory : step.reference() == null
                        ? as(party.ocmw(), "coach").body(body(step, party)).post(instruments)
                        : as(party.ocmw(), "coach").body(body(step, party))
                                .put(instruments + "/by-reference/" + step.reference());
            }
        };
        return answer.statusCode() + " " + (answer.statusCode() < 300 ? "made" : answer.path("code"));
    }

    @SuppressWarnings("unchecked")
    static String reported(Map<String, Object> line) {
        int status = (Integer) line.get("httpStatus");
        return status + " " + (status < 300 ? "made" : ((Map<String, Object>) line.get("problem")).get("code"));
    }

    @Test
    void everyLineHasTheOutcomeAndProblemOfItsSingleCall() {
        List<Step> steps = steps();
        Party single = party();
        Party imported = party();
        List<String> expected = assertEquivalent(steps, single, imported);
        long refusals = expected.stream().filter(e -> !e.startsWith("20")).count();
        assertTrue(refusals > 40, refusals + " of " + steps.size());
    }

    @Test
    void aFileWithOneLineInTenRefusedHasTheOutcomesOfItsSingleCalls() {
        String shared = TestData.newInsz();
        String elsewhere = data.newOcmw();
        as(elsewhere, "coach").body(json(Requests.trajectory(elsewhere, data.accreditedCoach(elsewhere), "2024-01-01")
                .clientInsz(shared))).post("/trajectories").then().statusCode(201);
        Party single = party();
        Party imported = party();
        single.insz().put(SHARED_CLIENT, shared);
        imported.insz().put(SHARED_CLIENT, shared);
        List<Step> steps = oneInTenRefused(BATCH + 150);

        List<String> expected = assertEquivalent(steps, single, imported);
        long refusals = expected.stream().filter(e -> !e.startsWith("20")).count();
        assertTrue(refusals >= steps.size() / 12 && refusals <= steps.size() / 8, refusals + " of " + steps.size());
        for (String kind : List.of("409 client-has-open-trajectory", "428", "400", "404", "422", "409 instrument-overlap",
                "200 made")) {
            assertTrue(expected.stream().anyMatch(e -> e.startsWith(kind)), kind + " in " + expected);
        }
    }

    /**
     * Two batches that name no trajectory and no client in common run side by side (issue 31), each
     * with refusals its own rules find: the outcomes are still those of the single calls in order.
     */
    @Test
    void batchesRunSideBySideHaveTheOutcomesOfTheirSingleCalls() {
        List<Step> steps = new ArrayList<>(independentHalf("T-", 0));
        steps.addAll(independentHalf("U-", 10_000));
        double beside = meters.counter("twe.import.batches.beside").count();

        List<String> expected = assertEquivalent(steps, party(), party());
        assertTrue(meters.counter("twe.import.batches.beside").count() >= beside + 1, "the two batches ran side by side");
        for (String kind : List.of("409 client-has-open-trajectory", "422", "409 instrument-overlap", "200 made")) {
            assertTrue(expected.subList(BATCH, steps.size()).stream().anyMatch(e -> e.startsWith(kind)),
                    kind + " in the second batch");
        }
    }

    /** Exactly one batch of steps whose references start with {@code prefix} and whose clients with {@code offset}. */
    static List<Step> independentHalf(String prefix, int offset) {
        List<Step> steps = new ArrayList<>();
        for (int client = 0; ; client++) {
            String ref = prefix + client;
            LocalDate start = LocalDate.of(2024, 1, 1).plusDays(client % 200);
            List<Step> own = new ArrayList<>(List.of(trajectory(ref, offset + client, start),
                    wes(ref, start.plusDays(10), start.plusDays(40))));
            switch (client % 10) {
                case 1 -> own.add(wes(ref, start.plusDays(20), start.plusDays(50)));                // 409 overlap
                case 4 -> own.add(wes(ref, start.minusDays(5), start.plusDays(5)));                // 422 outside
                case 7 -> own.add(trajectory(null, offset + client, start));                       // 409 open trajectory
                case 9 -> {                                                                        // 201, then 200
                    own.add(wesByReference(prefix + "I-" + client, ref, start.plusDays(50), start.plusDays(60)));
                    own.add(wesByReference(prefix + "I-" + client, ref, start.plusDays(50), start.plusDays(60)));
                }
                default -> {
                }
            }
            if (steps.size() + own.size() > BATCH) {
                break;
            }
            steps.addAll(own);
        }
        for (int pad = 0; steps.size() < BATCH; pad++) {
            steps.add(trajectory(prefix + "pad-" + pad, offset + 5_000 + pad, LocalDate.of(2024, 1, 1)));
        }
        return steps;
    }

    /** Imports the steps as one party and calls them one by one as the other; returns the outcomes. */
    List<String> assertEquivalent(List<Step> steps, Party single, Party imported) {

        List<String> expected = new ArrayList<>();
        for (Step step : steps) {
            expected.add(single(step, single));
        }
        List<String> file = new ArrayList<>();
        for (Step step : steps) {
            file.add(line(step, imported));
        }
        String id = Imports.submit(imported.ocmw(), file);
        Imports.awaitFinished(imported.ocmw(), id, Duration.ofSeconds(120));
        List<String> actual = Imports.report(imported.ocmw(), id).stream().map(ImportEquivalenceTest::reported).toList();

        assertEquals(expected, actual);
        assertEquals(countOf(single.ocmw(), "trajectory"), countOf(imported.ocmw(), "trajectory"));
        assertEquals(countOf(single.ocmw(), "instrument"), countOf(imported.ocmw(), "instrument"));
        // the history loaded by import answers every figure as the single calls do (issue 29)
        for (String figure : List.of("starts?groupBy=year", "ends?groupBy=year,endReason",
                "instruments?groupBy=year,instrumentType,outcome", "target-years?groupBy=year",
                "plans?groupBy=year,planMethod", "helpdesk?groupBy=year,resourceType")) {
            List<Object> fromSingle = figure(single.ocmw(), figure);
            assertTrue(!fromSingle.isEmpty() || figure.startsWith("ends"), figure);
            assertEquals(fromSingle, figure(imported.ocmw(), figure), figure);
        }
        return expected;
    }

    static List<Object> figure(String ocmw, String path) {
        return as(ocmw, "analyst").get("/statistics/" + path).then().statusCode(200).extract().jsonPath().getList("rows");
    }

    Party party() {
        String ocmw = data.newOcmw();
        return new Party(ocmw, data.accreditedCoach(ocmw));
    }

    long countOf(String ocmw, String table) {
        return data.count("select count(*) from " + table + " where ocmw_id = ?1", ocmw);
    }
}
