package be.twe.sync;

import static be.twe.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import be.twe.common.tenancy.Today;
import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.sync.service.VisibilityChanges;
import io.quarkus.test.junit.QuarkusTest;

/** A cluster learns from the feed which records it gained or lost when a mandate starts or ends. */
@QuarkusTest
class VisibilityChangesTest {
    /** Each test records its own past day, so no day is recorded twice. */
    private static final AtomicInteger DAYS = new AtomicInteger();

    @Inject
    TestData data;
    @Inject
    VisibilityChanges visibility;
    @Inject
    Today today;

    String ocmw;
    String trajectory;
    String instrument;
    long start;

    @BeforeEach
    void ocmwWithData() {
        start = data.feedPosition();
        ocmw = data.newOcmw();
        UUID coach = data.accreditedCoach(ocmw);
        trajectory = Registrations.trajectory(ocmw, ocmw, coach, "2024-01-01");
        instrument = Registrations.wes(ocmw, trajectory, coach, "2024-02-01", "2024-04-30");
    }

    static LocalDate pastDay() {
        return LocalDate.of(2003, 1, 1).plusDays(10L * DAYS.incrementAndGet());
    }

    /** A field of the entries about the OCMW's records (the cluster also sees its own coaches etc.). */
    String ofOcmw(String field) {
        return "items.findAll { it.organisationId == '" + ocmw + "' }." + field;
    }

    static String changes(String kind) {
        return "items.findAll { it.kind == '" + kind + "' }.resourceId";
    }

    @Test
    void aMandateThatEndsOrStartsTellsTheClusterEveryRecordOfTheOcmw() {
        LocalDate day = pastDay();
        String lost = data.newCluster();
        String gained = data.newCluster();
        String steady = data.newCluster();
        String unrelated = data.newCluster();
        data.mandate(lost, ocmw, day.minusDays(100), day.minusDays(1));
        data.mandate(gained, ocmw, day, null);
        data.mandate(steady, ocmw, day.minusDays(100), day.minusDays(1));
        data.mandate(steady, ocmw, day, null);
        data.mandate(unrelated, ocmw, LocalDate.of(2002, 1, 1), null);

        assertEquals(4, visibility.record(day), "two records for each of the two clusters whose view changed");
        assertEquals(0, visibility.record(day), "a day counts once");

        as(lost, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body(ofOcmw("resourceId"), containsInAnyOrder(trajectory, instrument))
                .body(ofOcmw("kind"), everyItem(Matchers.equalTo("VISIBILITY_LOST")))
                .body(ofOcmw("path"), hasItems("/trajectories/" + trajectory,
                        "/trajectories/" + trajectory + "/instruments/" + instrument));
        as(gained, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body(changes("VISIBILITY_GAINED"), containsInAnyOrder(trajectory, instrument))
                .body(changes("VISIBILITY_LOST"), empty());
        for (String unchanged : new String[] {steady, unrelated, ocmw, "vdab"}) {
            as(unchanged, unchanged.equals("vdab") ? "analyst" : "coach")
                    .get("/changes?limit=500&after=" + start).then().statusCode(200)
                    .body(changes("VISIBILITY_GAINED"), empty())
                    .body(changes("VISIBILITY_LOST"), empty());
        }
    }

    @Test
    void theScheduledJobCatchesUpOnEveryDayNotYetRecorded() {
        String cluster = data.newCluster();
        LocalDate yesterday = today.date().minusDays(1);
        data.mandate(cluster, ocmw, yesterday, null);
        data.execute("delete from visibility_day where day >= ?1", yesterday);
        data.execute("insert into visibility_day (day) values (?1) on conflict do nothing", yesterday.minusDays(1));

        visibility.catchUp();

        assertEquals(2, data.count("select count(*) from visibility_day where day >= ?1", yesterday));
        as(cluster, "coach").get("/changes?limit=500&after=" + start).then().statusCode(200)
                .body(changes("VISIBILITY_GAINED"), containsInAnyOrder(trajectory, instrument));
    }
}
