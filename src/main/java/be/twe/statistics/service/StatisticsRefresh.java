package be.twe.statistics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.postgresql.PGStatement;

import be.twe.common.jobs.Background;
import be.twe.common.persistence.Rows;
import be.twe.common.persistence.TransactionStatements;
import be.twe.common.tenancy.SystemWork;
import be.twe.common.tenancy.Today;
import be.twe.document.service.DocumentSettings;
import io.micrometer.core.annotation.Timed;
import io.quarkus.scheduler.Scheduled;

/**
 * Brings the yearly aggregates (ADR 0014) up to the rows committed so far: a changed trajectory
 * changes them by its own parts (ADR 0043), other changes compute their OCMW again. Runs before
 * every statistics answer, and in the background so that answers rarely wait.
 */
@ApplicationScoped
public class StatisticsRefresh {
    /** One refresh at a time: two would both rewrite an OCMW's rows. */
    static final long LOCK = 0x7374617473L; // "stats"
    /**
     * OCMWs computed per transaction: computing every OCMW at ten times the Flemish volume took 30 s
     * in one statement per figure, past the 15 s statement timeout (issue 34), and 70 s in one
     * transaction, past the transaction timeout; 16 OCMWs' figures take about 3 s.
     */
    static final int OCMWS_PER_TRANSACTION = 16;
    /** Trajectories whose parts one statement replaces (ADR 0043). */
    static final int TRAJECTORIES_PER_STATEMENT = 500;
    /** A named parameter of the statements ({@code ::int} is a cast). */
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(ocmws|trajectories|today|planDueDays)\\b");
    /**
     * An OCMW is computed whole past this many changed trajectories plus a share of its size
     * ({@link #TRAJECTORIES_PER_WHOLE_SHARE}): computing an OCMW costs a fixed part, about as much as
     * replacing the parts of this many trajectories, and a part that grows with its trajectories.
     */
    static final int TRAJECTORIES_BEFORE_WHOLE_OCMW = 100;
    /**
     * Computing an OCMW whole costs per trajectory it holds about a quarter of replacing the parts
     * of one changed trajectory (0.056 against 0.22 ms at 151,077 trajectories: docs/benchmarks.md,
     * "the statistics refresh follows the change"); one in three leans towards the parts, whose
     * statements stay short. A fixed 100 computed an OCMW of 150,000 trajectories whole after
     * every import, each time past the statement timeout.
     */
    static final int TRAJECTORIES_PER_WHOLE_SHARE = 3;
    /**
     * Changed trajectories one transaction replaces the parts of (about 0.45 s); the rest wait for
     * the next transaction of the same refresh. Bounds the ids the JVM holds and how long the
     * refresh holds back the change feed's readers, as every writing transaction does (V31).
     */
    static final int TRAJECTORIES_PER_TRANSACTION = 2_000;

    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    TransactionStatements statements;
    @Inject
    Today today;
    @Inject
    DocumentSettings settings;
    @Inject
    StatisticsRollups rollups;

    @Background
    @Scheduled(every = "${twe.statistics.refresh-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void inBackground() {
        refresh();
    }

    /**
     * Takes the stale marks committed so far and brings the aggregates of the figures that read the
     * written tables up to them, the marks of a few OCMWs per transaction, until none of them is
     * left. A mark committed during the refresh is left for the next one: an answer waits for the
     * writes before it, never for an import that keeps writing.
     *
     * @return how many OCMWs' aggregates were brought up to date
     */
    @Timed(value = "twe.statistics.refresh", description = "Refreshes of the statistics aggregates")
    public int refresh() {
        long last = systemWork.inTransaction("statistics refresh", this::markTheDay);
        int refreshed = 0;
        Round round;
        do {
            round = systemWork.inTransaction("statistics refresh", () -> refreshStale(last));
            refreshed += round.ocmws();
        } while (round.marks() > 0);
        return refreshed;
    }

    /** One transaction of a refresh: the marks it took and the OCMWs whose aggregates it brought up to date. */
    private record Round(int marks, int ocmws) {
    }

    /**
     * The first refresh of a day marks the figures that depend on the day (years passed, plans
     * overdue) of every OCMW; the update lets one refresh do so. Returns the last mark so far.
     */
    private long markTheDay() {
        LocalDate day = today.date();
        if (em.createNativeQuery("update statistics_day set day = ?1 where day < ?1").setParameter(1, day)
                .executeUpdate() > 0) {
            em.createNativeQuery("insert into statistics_stale (ocmw_id, source)"
                    + " select id, 'day' from organisation where kind = 'OCMW'").executeUpdate();
        }
        return ((Number) em.createNativeQuery("select coalesce(max(id), 0) from statistics_stale").getSingleResult())
                .longValue();
    }

    private Round refreshStale(long last) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        LocalDate day = today.date();
        List<Mark> marks = take(last, TRAJECTORIES_PER_TRANSACTION);
        Set<String> refreshed = new HashSet<>();
        List<Stale> stale = Figures.ALL.stream().map(figure -> Stale.of(figure, marks)).toList();
        Map<String, List<FigureRollup>> kept = marks.isEmpty() ? Map.of() : rollups.maintained();
        Set<FigureRollup> touched = new HashSet<>();
        for (Stale figure : stale) {
            if (!figure.ocmws().isEmpty()) {
                String ocmws = String.join(",", figure.ocmws());
                List<FigureRollup> changed = kept.getOrDefault(figure.parts().figure().table(), List.of());
                changed.forEach(rollup -> run(rollup.apply(-1, figure.parts().table(), FigureRollup.OCMWS), ocmws, day,
                        false));
                for (String statement : List.of(figure.parts().deleteOcmwParts(), figure.parts().insertOcmwParts(),
                        figure.parts().deleteOcmwAggregates(), figure.parts().insertOcmwAggregates())) {
                    run(statement, ocmws, day, false);
                }
                changed.forEach(rollup -> run(rollup.apply(1, figure.parts().table(), FigureRollup.OCMWS), ocmws, day,
                        false));
                touched.addAll(changed);
            }
            refreshed.addAll(figure.ocmwsTouched());
        }
        // A write's own refresh: small statements, planned once per connection rather than each
        // time (planning took twice as long as running them)
        em.createNativeQuery("set local plan_cache_mode = force_generic_plan").executeUpdate();
        for (Stale figure : stale) {
            List<String> trajectories = List.copyOf(figure.trajectories());
            List<FigureRollup> changed = trajectories.isEmpty() ? List.of()
                    : kept.getOrDefault(figure.parts().figure().table(), List.of());
            for (int from = 0; from < trajectories.size(); from += TRAJECTORIES_PER_STATEMENT) {
                String some = String.join(",", trajectories.subList(from,
                        Math.min(from + TRAJECTORIES_PER_STATEMENT, trajectories.size())));
                // a rollup takes the trajectories' parts out before they are replaced, and the new ones in after
                changed.forEach(rollup -> run(rollup.apply(-1, figure.parts().table(), FigureRollup.TRAJECTORIES), some,
                        day, true));
                run(figure.parts().replaceTrajectoryParts(), some, day, true);
                changed.forEach(rollup -> run(rollup.apply(1, figure.parts().table(), FigureRollup.TRAJECTORIES), some,
                        day, true));
            }
            touched.addAll(changed);
        }
        for (FigureRollup rollup : touched) {
            run(rollup.settle(), "", day, true);
        }
        return new Round(marks.size(), refreshed.size());
    }

    /**
     * Takes the marks of a few OCMWs up to {@code last}: computing every OCMW (the first refresh
     * after this version) in one transaction took longer than the transaction timeout at ten times
     * the volume. They come grouped per OCMW and source, one row each, never one per mark: the marks
     * of a few imports, one per trajectory and table, took 590,000 rows and ran the API out of its
     * heap. A source is computed whole when a mark says so or when it changed more trajectories than
     * {@link #wholeBeyond} of its OCMW's size; otherwise its changed trajectories come, at most
     * {@code budget} per call, and those past them stay for the next call.
     */
    List<Mark> take(long last, int budget) {
        List<Pending> pending = Rows.as(Pending.class, em.createNativeQuery("""
                -- the OCMWs as an array, computed once whatever the plan: a semi-join's plan may run
                -- its subquery again per mark (a full test run once saw this statement time out)
                select s.ocmw_id, s.source, bool_or(s.trajectory_id is null), count(distinct s.trajectory_id)::int,
                       (select count(*) from trajectory t where t.ocmw_id = s.ocmw_id)::int
                from statistics_stale s
                where s.id <= ?1 and s.ocmw_id = any(array(
                    select distinct ocmw_id from statistics_stale where id <= ?1 order by ocmw_id limit ?2))
                group by s.ocmw_id, s.source""").setParameter(1, last).setParameter(2, OCMWS_PER_TRANSACTION))
                .getResultList();
        List<Mark> taken = new ArrayList<>();
        for (Pending marked : pending) {
            if (marked.whole() || marked.changed() > wholeBeyond(marked.size())) {
                em.createNativeQuery("delete from statistics_stale where id <= ?1 and ocmw_id = ?2 and source = ?3")
                        .setParameter(1, last).setParameter(2, marked.ocmwId()).setParameter(3, marked.source())
                        .executeUpdate();
                taken.add(new Mark(marked.ocmwId(), marked.source(), true, null));
            } else if (budget > 0) {
                String trajectories = (String) em.createNativeQuery("""
                        with taken as (
                            delete from statistics_stale where id = any(array(
                                select id from statistics_stale where id <= ?1 and ocmw_id = ?2 and source = ?3
                                order by id limit ?4))
                            returning trajectory_id)
                        select array_to_string(array_agg(distinct trajectory_id), ',') from taken""")
                        .setParameter(1, last).setParameter(2, marked.ocmwId()).setParameter(3, marked.source())
                        .setParameter(4, budget).getSingleResult();
                Mark mark = new Mark(marked.ocmwId(), marked.source(), false, trajectories);
                budget -= mark.trajectoryIds().size();
                taken.add(mark);
            }
        }
        return taken;
    }

    /** The changed trajectories past which an OCMW of {@code size} trajectories is cheaper to compute whole. */
    static int wholeBeyond(int size) {
        return TRAJECTORIES_BEFORE_WHOLE_OCMW + size / TRAJECTORIES_PER_WHOLE_SHARE;
    }

    /** The marks of one OCMW and source up to a refresh's last one, and how many trajectories its OCMW holds. */
    record Pending(String ocmwId, String source, boolean whole, int changed, int size) {
    }

    /**
     * An OCMW whose figures that read {@code source} (a table, "day" or "all") are stale: whole,
     * or some of its trajectories (comma-separated).
     */
    record Mark(String ocmwId, String source, boolean whole, String trajectories) {
        List<String> trajectoryIds() {
            return trajectories == null ? List.of() : List.of(trajectories.split(","));
        }

        boolean concerns(Figure figure) {
            return switch (source) {
                case "all" -> true;
                case "day" -> figure.dependsOnDay();
                default -> figure.sources().contains(source);
            };
        }
    }

    /**
     * What a figure computes again: the OCMWs a mark of one of its sources takes whole, and single
     * trajectories of the others.
     */
    record Stale(FigureParts parts, Set<String> ocmws, Set<String> trajectories, Set<String> ocmwsTouched) {
        static Stale of(Figure figure, List<Mark> marks) {
            Set<String> ocmws = new TreeSet<>();
            Map<String, Set<String>> trajectories = new TreeMap<>();
            for (Mark mark : marks) {
                if (!mark.concerns(figure)) {
                    continue;
                }
                if (mark.whole()) {
                    ocmws.add(mark.ocmwId());
                }
                if (mark.trajectories() != null) {
                    trajectories.computeIfAbsent(mark.ocmwId(), o -> new TreeSet<>()).addAll(mark.trajectoryIds());
                }
            }
            Set<String> single = new TreeSet<>();
            Set<String> touched = new TreeSet<>(ocmws);
            trajectories.forEach((ocmw, ids) -> {
                if (!ocmws.contains(ocmw)) {
                    single.addAll(ids);
                    touched.add(ocmw);
                }
            });
            return new Stale(new FigureParts(figure), ocmws, single, touched);
        }
    }

    /**
     * Runs one of the statements of {@link FigureParts} with its list of OCMWs or trajectories and
     * the values its events read, positionally, server-prepared from the first run if {@code prepared}.
     */
    private void run(String sql, String list, LocalDate day, boolean prepared) {
        List<Object> values = new ArrayList<>();
        Matcher names = PARAMETER.matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (names.find()) {
            values.add(switch (names.group(1)) {
                case "today" -> day;
                case "planDueDays" -> settings.planDueDays();
                default -> list;
            });
            names.appendReplacement(positional, "?");
        }
        names.appendTail(positional);
        statements.update(positional.toString(), statement -> {
            if (prepared) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(1);
            }
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
        });
    }
}
