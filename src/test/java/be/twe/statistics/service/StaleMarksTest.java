package be.twe.statistics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import be.twe.common.tenancy.SystemWork;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A refresh takes the stale marks grouped per OCMW and source, never one row per mark: an import
 * marks every trajectory it writes, once per table, and a few imports' marks taken as rows ran the
 * API out of its heap.
 */
@QuarkusTest
class StaleMarksTest {
    static final int MANY = StatisticsRefresh.TRAJECTORIES_BEFORE_WHOLE_OCMW * 30;

    @Inject
    StatisticsRefresh refresh;
    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    TestData data;

    @Test
    void anImportsMarksComeAsOneRowPerOcmwAndSourceWithAtMostOneTrajectoryPastTheLimit() {
        String imported = data.newOcmw();
        String written = data.newOcmw();
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Map<String, Taken> taken = takenAndRolledBack(imported, written, one, other);
        assertEquals(2, taken.get(imported).rows(), "one row per source");
        assertEquals(2 * (StatisticsRefresh.TRAJECTORIES_BEFORE_WHOLE_OCMW + 1), taken.get(imported).trajectories(),
                "one trajectory past the limit per source, not all " + 2 * MANY);
        assertFalse(taken.get(imported).whole(), "no mark of the whole OCMW");
        assertEquals(2, taken.get(written).rows(), "its trajectories' row and the day's");
        assertEquals(2, taken.get(written).trajectories(), "each trajectory once");
        assertTrue(taken.get(written).whole(), "the day's mark stands for the whole OCMW");
    }

    /** Marks an import's and a write's OCMWs, takes every mark, and rolls back: other tests' marks stay for their refresh. */
    Map<String, Taken> takenAndRolledBack(String imported, String written, UUID one, UUID other) {
        Map<String, Taken> marks = new HashMap<>();
        try {
            systemWork.inTransaction("test", (Runnable) () -> {
                em.createNativeQuery("insert into statistics_stale (ocmw_id, source, trajectory_id) select ?1, source,"
                        + " gen_random_uuid() from generate_series(1, ?2), unnest(array['trajectory', 'instrument']) source")
                        .setParameter(1, imported).setParameter(2, MANY).executeUpdate();
                em.createNativeQuery("insert into statistics_stale (ocmw_id, source, trajectory_id) values"
                        + " (?1, 'trajectory', ?2), (?1, 'trajectory', ?2), (?1, 'trajectory', ?3), (?1, 'day', null)")
                        .setParameter(1, written).setParameter(2, one).setParameter(3, other).executeUpdate();
                long last = ((Number) em.createNativeQuery("select max(id) from statistics_stale").getSingleResult())
                        .longValue();
                for (List<StatisticsRefresh.Mark> round = refresh.take(last); !round.isEmpty(); round = refresh.take(last)) {
                    for (StatisticsRefresh.Mark mark : round) {
                        marks.merge(mark.ocmwId(), new Taken(1, mark.trajectoryIds().size(), mark.whole()), Taken::plus);
                        if (mark.ocmwId().equals(written) && mark.source().equals("trajectory")) {
                            assertEquals(Set.of(one.toString(), other.toString()), Set.copyOf(mark.trajectoryIds()));
                        }
                    }
                }
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            return marks;
        }
        throw new AssertionError("not rolled back");
    }

    static final class RolledBack extends RuntimeException {
        RolledBack() {
            super(null, null, false, false);
        }
    }

    /** What the marks of one OCMW came as. */
    record Taken(int rows, int trajectories, boolean whole) {
        Taken plus(Taken more) {
            return new Taken(rows + more.rows, trajectories + more.trajectories, whole || more.whole);
        }
    }
}
