package be.twe.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.statistics.service.StatisticsRefresh;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A write changes the aggregates by what its trajectories add now minus what they added before
 * (ADR 0043). Whatever the writes (instruments ended, moved to another training, deleted;
 * trajectories ended, started earlier, deleted; follow-ups, withdrawn plans, a plan method), the
 * aggregates so kept equal those computed from scratch for the whole OCMW, in every figure.
 */
@QuarkusTest
class StatisticsIncrementalTest {
    static final List<String> TABLES = List.of("statistics_starts", "statistics_ends", "statistics_instruments",
            "statistics_target_years", "statistics_trainings", "statistics_transfers", "statistics_follow_ups",
            "statistics_outcomes", "statistics_helpdesk", "statistics_coaches", "statistics_plans");
    static final String[] TYPES = {"ART60", "WES", "IBO", "TRAINING", "BVS"};
    static final String[] TRAININGS = {"Lassen", "Heftruck"};

    @Inject
    TestData data;
    @Inject
    StatisticsRefresh refresh;

    String ocmw;

    @BeforeEach
    void generatedTrajectories() {
        ocmw = generated(data);
    }

    /**
     * A new OCMW with twelve generated trajectories, each with instruments, a plan and some a
     * transfer with a follow-up: rows for every figure.
     */
    static String generated(TestData data) {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        Random random = new Random(34);
        for (int t = 0; t < 12; t++) {
            UUID client = UUID.randomUUID();
            UUID trajectory = UUID.randomUUID();
            LocalDate start = LocalDate.of(2021, 1, 4).plusDays(random.nextInt(500));
            boolean ended = t % 3 != 0;
            LocalDate end = ended ? start.plusDays(500 + random.nextInt(300)) : null;
            data.execute("insert into client (id, insz) values (?1, ?2)", client, TestData.newInsz());
            data.execute("""
                    insert into trajectory (id, ocmw_id, client_id, start_date, end_date, end_reason, end_advice, coach_id,
                                            registered_by, on_behalf, at_work_at_measurement, at_work_within_12_months)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?2, ?9, ?10, ?11)""", trajectory, ocmw, client, start, end,
                    ended ? (t % 2 == 0 ? "MAX_DURATION_REACHED" : "WORK_NEC") : null, ended ? "Advies" : null, coach,
                    t % 4 == 0, ended ? random.nextBoolean() : null, ended ? random.nextBoolean() : null);
            for (int slot = 0; slot < 3; slot++) {
                String type = TYPES[random.nextInt(TYPES.length)];
                LocalDate from = start.plusDays(slot * 160L + random.nextInt(10));
                boolean done = slot < 2 || random.nextBoolean();
                LocalDate until = from.plusDays(20 + random.nextInt(120));
                data.execute("""
                        insert into instrument (id, trajectory_id, ocmw_id, type, start_date, planned_end_date, end_date,
                                                outcome, stop_reason, employer, training_name, training_organiser,
                                                training_technical, training_full_time, coach_id, registered_by)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?2)""",
                        trajectory, ocmw, type, from, until, done ? until : null,
                        done ? (slot == 1 ? "STOPPED_EARLY" : "COMPLETED") : null, done && slot == 1 ? "Ziek." : null,
                        type.equals("TRAINING") ? null : "Werkgever",
                        type.equals("TRAINING") ? TRAININGS[random.nextInt(2)] : null,
                        type.equals("TRAINING") ? (random.nextBoolean() ? "VDAB" : "PARTNER") : null,
                        type.equals("TRAINING") ? false : null, type.equals("TRAINING") ? true : null, coach);
            }
            if (ended && t % 2 == 0) {
                UUID transfer = UUID.randomUUID();
                data.execute("""
                        insert into transfer (id, trajectory_id, ocmw_id, reason, channel, transfer_date, status, requested_by)
                        values (?1, ?2, ?3, 'MAX_DURATION_REACHED', 'VEO', ?4, 'DISPATCHED', ?3)""", transfer, trajectory,
                        ocmw, end);
                data.execute("""
                        insert into follow_up_action (id, transfer_id, ocmw_id, type, start_date, recorded_by)
                        values (gen_random_uuid(), ?1, ?2, 'GUIDANCE', ?3, 'vdab')""", transfer, ocmw,
                        end.plusDays(random.nextInt(500)));
            }
            UUID document = UUID.randomUUID();
            data.execute("insert into document (id, trajectory_id, ocmw_id, kind, title) values (?1, ?2, ?3, ?4, 'Plan')",
                    document, trajectory, ocmw, t % 3 == 1 ? "GPMI" : "POP");
            data.execute("""
                    insert into document_version (id, document_id, trajectory_id, ocmw_id, number, file_name, media_type,
                                                  size_bytes, sha256, storage_key, uploaded_at, uploaded_by)
                    values (gen_random_uuid(), ?1, ?2, ?3, 1, 'plan.pdf', 'application/pdf', 1000, repeat('0', 64),
                            'incremental-' || ?1, cast(?4 as timestamptz), ?3)""", document, trajectory, ocmw,
                    start.plusDays(random.nextInt(90)).toString());
        }
        return ocmw;
    }

    @Test
    void aggregatesKeptPerTrajectoryEqualTheOcmwComputedFromScratch() {
        refresh.refresh();
        Map<String, List<String>> added = aggregates();
        assertTrue(added.get("statistics_trainings").size() > 1 && added.get("statistics_follow_ups").size() > 0,
                "the generated rows reach every figure: " + added);
        assertEquals(fromScratch(), added, "parts added to empty aggregates");

        everyKindOfWrite(data, ocmw);

        refresh.refresh();
        Map<String, List<String>> changed = aggregates();
        assertNotEquals(added, changed, "the writes changed the figures");
        assertEquals(fromScratch(), changed, "parts replaced after every kind of write");
    }

    /** Every kind of write, on some of the OCMW's trajectories only. */
    static void everyKindOfWrite(TestData data, String ocmw) {
        data.execute("update instrument set end_date = start_date + 40, outcome = 'COMPLETED' where ocmw_id = ?1"
                + " and end_date is null and type <> 'TRAINING'", ocmw);
        data.execute("update instrument set training_name = 'Magazijn' where ocmw_id = ?1 and training_name = 'Lassen'",
                ocmw);
        data.execute("delete from instrument where id in (select id from instrument where ocmw_id = ?1"
                + " and type = 'WES' order by start_date limit 2)", ocmw);
        data.execute("update trajectory set end_date = start_date + 800, end_reason = 'WORK_NEC', end_advice = 'Werk',"
                + " at_work_at_measurement = true where id = (select id from trajectory where ocmw_id = ?1"
                + " and end_date is null order by start_date limit 1)", ocmw);
        data.execute("update trajectory set start_date = start_date - 400 where id = (select id from trajectory"
                + " where ocmw_id = ?1 order by start_date desc limit 1)", ocmw);
        data.execute("delete from follow_up_action where id = (select id from follow_up_action where ocmw_id = ?1"
                + " order by start_date limit 1)", ocmw);
        data.execute("update document_version set withdrawn_at = now(), withdrawn_by = ocmw_id, withdrawal_reason = 'Fout'"
                + " where id = (select id from document_version where ocmw_id = ?1 order by uploaded_at limit 1)", ocmw);
        UUID gone = UUID.fromString(data.rows("select id from trajectory where ocmw_id = ?1 and end_date is not null"
                + " order by start_date limit 1", ocmw).get(0));
        for (String table : List.of("follow_up_action where transfer_id in (select id from transfer where trajectory_id = ?1)",
                "transfer where trajectory_id = ?1", "document_version where trajectory_id = ?1",
                "document where trajectory_id = ?1", "instrument where trajectory_id = ?1", "trajectory where id = ?1")) {
            data.execute("delete from " + table, gone);
        }
        data.execute("insert into plan_method (ocmw_id, method, reason) values (?1, 'GPMI', 'CLUSTER_METHOD')", ocmw);
    }

    /**
     * A write to one trajectory changes the aggregates by that trajectory only: its OCMW is not
     * computed again, so a change made to the aggregates behind the refresh's back stays.
     */
    @Test
    void aWriteToOneTrajectoryLeavesTheRestOfItsOcmwAsItWas() {
        refresh.refresh();
        long rows = data.count("select count(*) from statistics_ends where ocmw_id = ?1", ocmw);
        data.execute("update statistics_ends set trajectories = trajectories + 100 where ocmw_id = ?1", ocmw);
        String trajectory = data.rows("select id from trajectory where ocmw_id = ?1 and end_date is null"
                + " order by start_date limit 1", ocmw).get(0);
        data.execute("update trajectory set end_date = start_date + 700, end_reason = 'LONG_TRAINING',"
                + " end_advice = 'Opleiding' where id = ?1", UUID.fromString(trajectory));
        refresh.refresh();
        assertEquals(1, data.count("select sum(trajectories) from statistics_ends where ocmw_id = ?1"
                + " and end_reason = 'LONG_TRAINING'", ocmw), "the write's own change");
        assertEquals(data.count("select count(*) from trajectory where ocmw_id = ?1 and end_reason <> 'LONG_TRAINING'",
                ocmw) + 100 * rows, data.count("select sum(trajectories) from statistics_ends where ocmw_id = ?1"
                + " and end_reason <> 'LONG_TRAINING'", ocmw), "the other rows as they were");
    }

    /** The OCMW's aggregates once computed whole from its rows; the incremental ones are read first. */
    Map<String, List<String>> fromScratch() {
        data.execute("insert into statistics_stale (ocmw_id) values (?1)", ocmw);
        refresh.refresh();
        return aggregates();
    }

    /** Every aggregate row of the OCMW, sorted, with the elements of its lists sorted: lists are multisets. */
    Map<String, List<String>> aggregates() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, data.rows("select s::text from " + table + " s where ocmw_id = ?1", ocmw).stream()
                    .map(StatisticsIncrementalTest::sortedLists).sorted().toList());
        }
        return tables;
    }

    static final Pattern LIST = Pattern.compile("\\{[^}]*\\}");

    static String sortedLists(String row) {
        Matcher lists = LIST.matcher(row);
        StringBuilder sorted = new StringBuilder();
        while (lists.find()) {
            String list = lists.group();
            String[] elements = list.substring(1, list.length() - 1).split(",\\s*");
            Arrays.sort(elements);
            lists.appendReplacement(sorted, Matcher.quoteReplacement("{" + String.join(",", elements) + "}"));
        }
        return lists.appendTail(sorted).toString();
    }
}
