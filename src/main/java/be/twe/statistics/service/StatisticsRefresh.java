package be.twe.statistics.service;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import be.twe.common.jobs.Background;
import be.twe.common.persistence.Rows;
import be.twe.common.tenancy.SystemWork;
import be.twe.common.tenancy.Today;
import be.twe.document.service.DocumentSettings;
import io.micrometer.core.annotation.Timed;
import io.quarkus.scheduler.Scheduled;

/**
 * Computes the yearly aggregates of the OCMWs whose rows changed since, from their rows (ADR
 * 0014). Runs before every statistics answer, and in the background so that answers rarely wait.
 */
@ApplicationScoped
public class StatisticsRefresh {
    /** One refresh at a time: two would both rewrite an OCMW's rows. */
    private static final long LOCK = 0x7374617473L; // "stats"
    /**
     * OCMWs computed per statement: the first refresh of a day computes every OCMW, which at ten
     * times the Flemish volume took 30 s in one statement per figure, past the 15 s statement
     * timeout (issue 34); an OCMW's figure takes well under a second.
     */
    static final int OCMWS_PER_STATEMENT = 16;

    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;
    @Inject
    Today today;
    @Inject
    DocumentSettings settings;

    @Background
    @Scheduled(every = "${twe.statistics.refresh-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void inBackground() {
        refresh();
    }

    /**
     * Takes the stale marks committed so far and rewrites those OCMWs' aggregates of the figures
     * that read the written tables, in one transaction: a mark committed later stays for the next
     * refresh.
     *
     * @return how many OCMWs were computed again
     */
    @Timed(value = "twe.statistics.refresh", description = "Refreshes of the statistics aggregates")
    public int refresh() {
        return systemWork.inTransaction("statistics refresh", this::refreshStale);
    }

    private int refreshStale() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, LOCK).getSingleResult();
        LocalDate day = today.date();
        if (em.createNativeQuery("update statistics_day set day = ?1 where day < ?1").setParameter(1, day)
                .executeUpdate() > 0) {
            // figures that depend on the day (years passed, plans overdue) change at midnight
            em.createNativeQuery("insert into statistics_stale (ocmw_id) select id from organisation where kind = 'OCMW'")
                    .executeUpdate();
        }
        List<Mark> marks = Rows.as(Mark.class, em.createNativeQuery("delete from statistics_stale returning ocmw_id, source"))
                .getResultList();
        Set<String> refreshed = new HashSet<>();
        for (Figure figure : Figures.ALL) {
            List<String> stale = List.copyOf(staleFor(figure, marks));
            for (int from = 0; from < stale.size(); from += OCMWS_PER_STATEMENT) {
                compute(figure, String.join(",", stale.subList(from,
                        Math.min(from + OCMWS_PER_STATEMENT, stale.size()))), day);
            }
            refreshed.addAll(stale);
        }
        return refreshed.size();
    }

    /** An OCMW whose figures that read {@code source} (a table, or "all") are stale. */
    record Mark(String ocmwId, String source) {
    }

    /** The OCMWs of the marks on a table the figure reads (or on all of them). */
    private static Set<String> staleFor(Figure figure, List<Mark> marks) {
        Set<String> stale = new TreeSet<>();
        for (Mark mark : marks) {
            if ("all".equals(mark.source()) || figure.sources().contains(mark.source())) {
                stale.add(mark.ocmwId());
            }
        }
        return stale;
    }

    private void compute(Figure figure, String ocmws, LocalDate day) {
        em.createNativeQuery("delete from " + figure.table() + " where ocmw_id = any(string_to_array(?1, ','))")
                .setParameter(1, ocmws).executeUpdate();
        String insert = insert(figure);
        Query query = em.createNativeQuery(insert).setParameter("ocmws", ocmws);
        if (insert.contains(":today")) {
            query.setParameter("today", day);
        }
        if (insert.contains(":planDueDays")) {
            query.setParameter("planDueDays", settings.planDueDays());
        }
        query.executeUpdate();
    }

    private static String insert(Figure figure) {
        List<String> dimensions = List.copyOf(figure.dimensions().values());
        StringBuilder group = new StringBuilder("1, 2");
        for (int i = 0; i < dimensions.size(); i++) {
            group.append(", ").append(i + 3);
        }
        String dimensionList = dimensions.isEmpty() ? "" : ", " + String.join(", ", dimensions);
        return """
                insert into %s (ocmw_id, year%s, %s)
                select ocmw_id, extract(year from day)::int%s, %s
                from (%s) e
                where ocmw_id = any(string_to_array(:ocmws, ','))
                group by %s""".formatted(figure.table(), dimensionList, String.join(", ", figure.partials().keySet()),
                dimensionList, String.join(", ", figure.partials().values()), figure.events(), group);
    }
}
