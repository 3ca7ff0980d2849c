package be.twe.statistics.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import be.twe.common.tenancy.SystemWork;
import be.twe.support.DatabaseOwner;
import be.twe.support.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A refresh takes the stale marks grouped per OCMW and source, never one row per mark: an import
 * marks every trajectory it writes, once per table, and a few imports' marks taken as rows ran the
 * API out of its heap. Whether an OCMW is computed whole follows the share of it that changed: an
 * import into a large OCMW replaces its trajectories' parts, a few transactions' worth at a time.
 */
@QuarkusTest
class StaleMarksTest {
    static final int MANY = StatisticsRefresh.TRAJECTORIES_BEFORE_WHOLE_OCMW * 3;

    @Inject
    StatisticsRefresh refresh;
    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    TestData data;

    @Test
    void anImportIntoASmallOcmwComputesItWholeAndAWriteItsTrajectories() {
        String imported = data.newOcmw();
        String written = data.newOcmw();
        UUID one = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Map<String, Taken> taken = takenAndRolledBack(Integer.MAX_VALUE, () -> {
            marks(imported, MANY);
            em.createNativeQuery("insert into statistics_stale (ocmw_id, source, trajectory_id) values"
                    + " (?1, 'trajectory', ?2), (?1, 'trajectory', ?2), (?1, 'trajectory', ?3), (?1, 'day', null)")
                    .setParameter(1, written).setParameter(2, one).setParameter(3, other).executeUpdate();
        }, mark -> {
            if (mark.ocmwId().equals(written) && mark.source().equals("trajectory")) {
                assertEquals(Set.of(one.toString(), other.toString()), Set.copyOf(mark.trajectoryIds()));
            }
        });
        assertEquals(new Taken(2, 0, true), taken.get(imported), "one row per source, whole: "
                + MANY + " changed trajectories of none");
        assertEquals(2, taken.get(written).rows(), "its trajectories' row and the day's");
        assertEquals(2, taken.get(written).trajectories(), "each trajectory once");
        assertTrue(taken.get(written).whole(), "the day's mark stands for the whole OCMW");
    }

    @Test
    void anImportIntoALargeOcmwReplacesItsTrajectoriesAFewAtATime() throws SQLException {
        String large = data.newOcmw();
        int size = 1_000; // computed whole past 100 + 1,000 / 3 changed trajectories
        trajectories(large, size);
        refresh.refresh(); // the marks of the trajectories just written
        int budget = 70;
        List<Integer> rounds = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Taken> taken = takenAndRolledBack(budget, () -> marks(large, MANY), mark -> {
            if (mark.ocmwId().equals(large)) {
                rounds.add(mark.trajectoryIds().size());
                ids.addAll(mark.trajectoryIds());
            }
        });
        assertFalse(taken.get(large).whole(), MANY + " changed of " + size + " trajectories: not whole");
        assertEquals(2 * MANY, ids.size(), "every changed trajectory of both sources, each once");
        assertEquals(2 * MANY, taken.get(large).trajectories());
        assertTrue(rounds.stream().allMatch(n -> n <= budget), "at most the budget per call: " + rounds);
    }

    @Test
    void theShareBeyondWhichAnOcmwIsComputedWholeGrowsWithItsSize() {
        assertEquals(StatisticsRefresh.TRAJECTORIES_BEFORE_WHOLE_OCMW, StatisticsRefresh.wholeBeyond(0));
        assertTrue(StatisticsRefresh.wholeBeyond(150_000) > 10_000, "an import of 10,000 into 150,000 is not whole");
    }

    /** {@code count} marks of new trajectories per source, as an import's. */
    private void marks(String ocmw, int count) {
        em.createNativeQuery("insert into statistics_stale (ocmw_id, source, trajectory_id) select ?1, source,"
                + " gen_random_uuid() from generate_series(1, ?2), unnest(array['trajectory', 'instrument']) source")
                .setParameter(1, ocmw).setParameter(2, count).executeUpdate();
    }

    private void trajectories(String ocmw, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        DatabaseOwner.insertTrajectories(ocmw, data.accreditedCoach(ocmw), ids);
    }

    /**
     * Marks, takes every mark up to the last one {@code budget} trajectories at a time, and rolls
     * back: other tests' marks stay for their refresh.
     */
    Map<String, Taken> takenAndRolledBack(int budget, Runnable marking, Consumer<StatisticsRefresh.Mark> each) {
        Map<String, Taken> marks = new HashMap<>();
        try {
            systemWork.inTransaction("test", (Runnable) () -> {
                marking.run();
                long last = ((Number) em.createNativeQuery("select max(id) from statistics_stale").getSingleResult())
                        .longValue();
                for (List<StatisticsRefresh.Mark> round = refresh.take(last, budget); !round.isEmpty();
                     round = refresh.take(last, budget)) {
                    for (StatisticsRefresh.Mark mark : round) {
                        each.accept(mark);
                        marks.merge(mark.ocmwId(), new Taken(1, mark.trajectoryIds().size(), mark.whole()), Taken::plus);
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
