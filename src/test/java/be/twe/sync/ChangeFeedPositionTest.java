package be.twe.sync;

import static be.twe.support.Api.as;
import static be.twe.support.Requests.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.DatabaseOwner;
import be.twe.support.Registrations;
import be.twe.support.Requests;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Positions without a commit lock (V31, ADR 0008): a write that began earlier and is still running
 * holds back the entries written after it, and once it commits its entry comes first. A reader
 * that followed positions alone would have moved past it and skipped it for good.
 */
@QuarkusTest
class ChangeFeedPositionTest {
    @Inject
    TestData data;

    @Test
    void aWriteStillRunningHoldsBackLaterEntriesAndIsNotSkipped() throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        String earlier = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        long start = data.feedPosition();

        try (Connection held = DatabaseOwner.connect()) {
            held.setAutoCommit(false);
            // the held transaction begins to write first: it changes a trajectory but does not commit
            try (PreparedStatement s = held.prepareStatement(
                    "update trajectory set external_reference = 'held', version = version + 1 where id = ?")) {
                s.setObject(1, UUID.fromString(earlier));
                assertEquals(1, s.executeUpdate());
            }
            ExtractableResponse<Response> created = as(ocmw, "coach")
                    .body(json(Requests.trajectory(ocmw, coach, "2024-02-01")))
                    .post("/trajectories").then().statusCode(201).extract();
            String later = created.path("id");
            long laterPosition = Long.parseLong(created.header("Feed-Position"));
            assertTrue(laterPosition > start, "the write knows its position");
            assertEquals(List.of(), entriesAfter(ocmw, start), "nothing after the running write is listed yet");
            assertEquals(start, as(ocmw, "coach").get("/changes?after=" + start).then().extract().jsonPath()
                    .getLong("position"), "and the page's position stays where it was");
            held.commit();

            List<Map<String, Object>> after = entriesAfter(ocmw, start);
            assertEquals(List.of(earlier, later), after.stream().map(e -> e.get("resourceId")).toList(),
                    "the held write's entry first, then the later one, none skipped");
            assertEquals(List.of("UPDATED", "CREATED"), after.stream().map(e -> e.get("kind")).toList());
            assertEquals(laterPosition, ((Number) after.get(1).get("position")).longValue(),
                    "the later entry is at the position its write was told");
            assertTrue(((Number) after.get(0).get("position")).longValue() < laterPosition);
        }
    }

    /**
     * An insert's entries are written once per statement (V34) and an update's once per row (V31):
     * in one transaction they still number 1, 2, 3, ... in the order the statements ran.
     */
    @Test
    void entriesOfStatementsAndRowsOfOneTransactionAreConsecutive() throws Exception {
        String ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        List<UUID> trajectories = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        try (Connection c = DatabaseOwner.connect()) {
            c.setAutoCommit(false);
            for (UUID t : trajectories) {
                try (PreparedStatement s = c.prepareStatement("insert into client (id, insz) values (?, ?)")) {
                    s.setObject(1, t); // a client per trajectory, with the trajectory's id
                    s.setString(2, TestData.newInsz());
                    s.executeUpdate();
                }
            }
            String insert = "insert into trajectory (id, ocmw_id, client_id, start_date, coach_id, registered_by) "
                    + "select id, ?, id, date '2024-01-01', ?, ? from unnest(?::uuid[]) id";
            try (PreparedStatement two = c.prepareStatement(insert);
                 PreparedStatement update = c.prepareStatement(
                         "update trajectory set external_reference = 'x', version = version + 1 where id = ?");
                 PreparedStatement one = c.prepareStatement(insert)) {
                bind(two, ocmw, coach, c.createArrayOf("uuid", trajectories.subList(0, 2).toArray()));
                assertEquals(2, two.executeUpdate());
                update.setObject(1, trajectories.get(0));
                assertEquals(1, update.executeUpdate());
                bind(one, ocmw, coach, c.createArrayOf("uuid", trajectories.subList(2, 3).toArray()));
                assertEquals(1, one.executeUpdate());
            }
            c.commit();
        }
        List<String> entries = data.rows("select resource_id, kind, position from change_event "
                + "where resource_id in (?1, ?2, ?3) order by position", trajectories.get(0).toString(),
                trajectories.get(1).toString(), trajectories.get(2).toString());
        assertEquals(List.of(trajectories.get(0) + "|CREATED", trajectories.get(1) + "|CREATED",
                trajectories.get(0) + "|UPDATED", trajectories.get(2) + "|CREATED"),
                entries.stream().map(e -> e.substring(0, e.lastIndexOf('|'))).toList());
        List<Long> positions = entries.stream().map(e -> Long.parseLong(e.substring(e.lastIndexOf('|') + 1))).toList();
        assertEquals(1, positions.get(0) & ((1 << 20) - 1), "the transaction's first entry");
        for (int i = 1; i < positions.size(); i++) {
            assertEquals(positions.get(0) + i, positions.get(i), "consecutive: " + positions);
        }
    }

    private static void bind(PreparedStatement s, String ocmw, UUID coach, java.sql.Array ids) throws Exception {
        s.setString(1, ocmw);
        s.setObject(2, coach);
        s.setString(3, ocmw);
        s.setArray(4, ids);
    }

    private static List<Map<String, Object>> entriesAfter(String ocmw, long after) {
        return as(ocmw, "coach").get("/changes?after=" + after).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }
}
