package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Bodies;
import be.twe.support.Parallel;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The feed's promise under load: a reader polling while writers commit gets every change once, in order. */
@QuarkusTest
class ChangeFeedConcurrencyTest {
    static final int WRITERS = 8;
    static final int TRAJECTORIES_PER_WRITER = 6;

    @Inject
    TestData data;

    @Test
    void aReaderPollingDuringParallelWritesGetsEveryCommittedChangeOnceInCommitOrder() throws Exception {
        long start = data.feedPosition();
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        slowCommits(ocmw);
        try {
            readDuringWrites(start, ocmw, coach);
        } finally {
            data.changeSchema("drop trigger trajectory_zz_slow_commit on trajectory");
        }
    }

    /**
     * Fault injection: this OCMW's trajectory writes wait up to 300 ms after their feed entry is
     * written and before they commit, so transactions commit in another order than they wrote.
     * A feed ordered by insertion (a plain sequence) then skips entries; this test catches that.
     */
    private void slowCommits(String ocmw) {
        data.changeSchema("""
                create or replace function test_slow_commit() returns trigger language plpgsql as $$
                begin
                    perform pg_sleep(random() * 0.3);
                    return null;
                end $$""");
        data.changeSchema("create trigger trajectory_zz_slow_commit after insert or update on trajectory for each row"
                + " when (new.ocmw_id = '" + ocmw + "') execute function test_slow_commit()");
    }

    private void readDuringWrites(long start, String ocmw, UUID coach) throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger readWhileWriting = new AtomicInteger();
        List<String> written = Collections.synchronizedList(new ArrayList<>());

        // an admin reader: it may see every entry of the OCMW, financial details included
        CompletableFuture<List<String>> reader = CompletableFuture.supplyAsync(() -> {
            List<String> seen = new ArrayList<>();
            long after = start;
            while (true) {
                boolean writersDone = !writing.get();
                JsonPath page = as(ocmw, "coach", "admin").get("/changes?limit=5&after=" + after).then()
                        .statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                items.forEach(i -> seen.add(i.get("position") + "|" + i.get("resourceType") + "|"
                        + i.get("resourceId") + "|" + i.get("version") + "|" + i.get("kind")));
                if (!writersDone) {
                    readWhileWriting.addAndGet(items.size());
                }
                after = page.getLong("position");
                if (items.isEmpty() && writersDone) {
                    return seen;
                }
            }
        });
        List<Integer> statuses = Parallel.statuses(WRITERS, w -> {
            for (int t = 0; t < TRAJECTORIES_PER_WRITER; t++) {
                String id = as(ocmw, "coach").body(json(Requests.trajectory(ocmw, coach, "2024-01-01")))
                        .post("/trajectories").then().statusCode(201).extract().path("id");
                as(ocmw, "coach").header("If-Match", "\"0\"").body(Bodies.replacing(Map.of("coachId", coach.toString(),
                        "externalReference", "W" + w + "-" + t), Bodies.TRAJECTORY_UPDATE))
                        .put("/trajectories/" + id).then().statusCode(200);
                written.add(id + "|0");
                written.add(id + "|1");
            }
            return 200;
        });
        writing.set(false);
        List<String> seen = reader.get(60, TimeUnit.SECONDS);

        assertEquals(WRITERS, Parallel.count(statuses, 200));
        List<String> committed = data.rows("select position, resource_type, resource_id, version, kind from change_event"
                + " where organisation_id = ?1 and position > ?2 order by position", ocmw, start);
        assertEquals(committed, seen, "the reader saw exactly the committed entries, in position order, none twice");
        assertTrue(readWhileWriting.get() > 0, "the reader read while the writers were writing");

        Map<String, Long> lastVersion = new HashMap<>();
        for (String entry : seen) {
            String[] f = entry.split("\\|");
            if (f[1].equals("trajectory")) {
                long version = Long.parseLong(f[3]);
                assertTrue(lastVersion.getOrDefault(f[2], -1L) < version, "versions of " + f[2] + " in order");
                lastVersion.put(f[2], version);
                assertTrue(written.remove(f[2] + "|" + f[3]), "an entry per write: " + entry);
            }
        }
        assertEquals(List.of(), written, "every write has its entry");
    }
}
