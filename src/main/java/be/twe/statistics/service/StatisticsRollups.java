package be.twe.statistics.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import be.twe.common.persistence.Rows;
import be.twe.common.persistence.TransactionStatements;
import be.twe.common.tenancy.SystemWork;
import be.twe.statistics.service.StatisticsSql.Filter;
import be.twe.statistics.service.StatisticsSql.Municipalities;

/**
 * Which rollups exist (ADR 0044): the one that answers a call, built at the first call of its
 * grouping and scope, and those a refresh keeps up to date.
 */
@ApplicationScoped
public class StatisticsRollups {
    /**
     * A rollup no call read for this many days is deleted: every rollup of a figure costs each
     * refresh that changes the figure two statements, and a grouping asked for once (an analyst's
     * question) should not cost every write from then on.
     */
    static final int KEPT_UNUSED_DAYS = 30;
    /**
     * At most this many rollups: building one more deletes the one read least recently, so that
     * a script asking for many groupings or year ranges does not make every later refresh pay for
     * them (two statements per rollup of a changed figure).
     */
    public static final int MOST = 32;

    private final Map<String, Map<String, String>> types = new ConcurrentHashMap<>();

    @Inject
    EntityManager em;
    @Inject
    SystemWork systemWork;
    @Inject
    TransactionStatements statements;

    /**
     * The rollup that answers the call, built first if its grouping and scope have none yet; empty
     * when the call is answered from the aggregates: a figure without lists, a cluster's filter,
     * or a caller who does not see every OCMW. Runs in the answer's transaction.
     */
    Optional<FigureRollup> answering(Figure figure, Grouping grouping, Filter filter) {
        if (!FigureRollup.kept(figure) || !FigureRollup.answers(filter)
                || !(Boolean) em.createNativeQuery("select twe_unrestricted()").getSingleResult()) {
            return Optional.empty();
        }
        FigureRollup wanted = new FigureRollup(0, figure, grouping.expressions(), filter.municipalities(),
                FigureRollup.scope(grouping, filter));
        Long id = find(wanted);
        if (id == null) {
            id = systemWork.inTransaction("statistics rollup", () -> build(wanted));
        } else {
            em.createNativeQuery("update statistics_rollup set used_on = current_date where id = ?1"
                    + " and used_on < current_date").setParameter(1, id).executeUpdate();
        }
        return Optional.of(wanted.withId(id));
    }

    /** The SQL types of the figure's aggregate columns: column -> type. */
    Map<String, String> types(Figure figure) {
        return types.computeIfAbsent(figure.table(), table -> {
            Map<String, String> columns = new HashMap<>();
            for (Object row : em.createNativeQuery("select attname::text, format_type(atttypid, atttypmod)"
                    + " from pg_attribute where attrelid = cast(?1 as regclass) and attnum > 0 and not attisdropped")
                    .setParameter(1, table).getResultList()) {
                Object[] column = (Object[]) row;
                columns.put((String) column[0], (String) column[1]);
            }
            return columns;
        });
    }

    /**
     * The rollup's id, locked until the answer's transaction ends (key share), so that a refresh
     * deleting it as unused waits for the answer that reads it, and then finds it used today.
     */
    private Long find(FigureRollup wanted) {
        List<?> ids = em.createNativeQuery("select id from statistics_rollup where figure = ?1 and grouping = ?2"
                        + " and municipalities = ?3 and scope = ?4 and definition = ?5 for key share")
                .setParameter(1, wanted.figure().table()).setParameter(2, String.join(",", wanted.expressions()))
                .setParameter(3, wanted.municipalities().name())
                .setParameter(4, FigureRollup.scopeText(wanted.scope()))
                .setParameter(5, FigureRollup.definition(wanted.figure())).getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    /**
     * Builds a rollup from the aggregates, under the refresh's lock: a refresh that changes parts
     * either commits before (the aggregates hold its change) or changes the rollup after.
     */
    private long build(FigureRollup wanted) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, StatisticsRefresh.LOCK)
                .getSingleResult();
        Long existing = find(wanted);
        if (existing != null) {
            return existing;
        }
        Figure figure = wanted.figure();
        String grouping = String.join(",", wanted.expressions());
        String scope = FigureRollup.scopeText(wanted.scope());
        // one built for another definition of the figure, and the least recently read past the most kept
        em.createNativeQuery("delete from statistics_rollup where figure = ?1 and grouping = ?2 and municipalities = ?3"
                        + " and scope = ?4").setParameter(1, figure.table()).setParameter(2, grouping)
                .setParameter(3, wanted.municipalities().name()).setParameter(4, scope).executeUpdate();
        em.createNativeQuery("delete from statistics_rollup where id not in (select id from statistics_rollup"
                + " order by used_on desc, id desc limit ?1)").setParameter(1, MOST - 1).executeUpdate();
        long id = ((Number) em.createNativeQuery("insert into statistics_rollup (figure, grouping, municipalities,"
                        + " scope, definition) values (?1, ?2, ?3, ?4, ?5) returning id")
                .setParameter(1, figure.table()).setParameter(2, grouping)
                .setParameter(3, wanted.municipalities().name()).setParameter(4, scope)
                .setParameter(5, FigureRollup.definition(figure)).getSingleResult()).longValue();
        FigureRollup rollup = wanted.withId(id);
        for (String sql : List.of(rollup.apply(1, figure.table(), "true"), rollup.settle())) {
            statements.update(sql, statement -> { });
        }
        return id;
    }

    /** A row of {@code statistics_rollup}. */
    record Stored(Long id, String figure, String grouping, String municipalities, String scope, String definition) {
    }

    /**
     * The rollups a refresh keeps up to date, per figure (its aggregate table). Deletes those
     * built for another definition of their figure (they would be changed by parts of another
     * shape) and those no call read for {@link #KEPT_UNUSED_DAYS} days.
     */
    Map<String, List<FigureRollup>> maintained() {
        em.createNativeQuery("delete from statistics_rollup where used_on < current_date - ?1")
                .setParameter(1, KEPT_UNUSED_DAYS).executeUpdate();
        Map<String, List<FigureRollup>> rollups = new HashMap<>();
        List<Long> worthless = new ArrayList<>();
        for (Stored stored : Rows.as(Stored.class, em.createNativeQuery("select id, figure, grouping, municipalities,"
                + " scope, definition from statistics_rollup")).getResultList()) {
            Figure figure = Figures.ALL.stream().filter(f -> f.table().equals(stored.figure())).findFirst().orElse(null);
            List<String> expressions = stored.grouping().isEmpty() ? List.of() : List.of(stored.grouping().split(","));
            if (figure == null || !stored.definition().equals(FigureRollup.definition(figure))
                    || !known(figure).containsAll(expressions)) {
                worthless.add(stored.id());
            } else {
                Municipalities municipalities = Municipalities.valueOf(stored.municipalities());
                rollups.computeIfAbsent(figure.table(), t -> new ArrayList<>()).add(new FigureRollup(stored.id(),
                        figure, expressions, municipalities, FigureRollup.scopeOf(stored.scope(), municipalities)));
            }
        }
        if (!worthless.isEmpty()) {
            em.createNativeQuery("delete from statistics_rollup where id = any(cast(string_to_array(?1, ',') as bigint[]))")
                    .setParameter(1, String.join(",", worthless.stream().map(String::valueOf).toList()))
                    .executeUpdate();
        }
        return rollups;
    }

    /** The SQL expressions a grouping of the figure may hold. */
    private static Set<String> known(Figure figure) {
        Set<String> known = new HashSet<>(figure.dimensions().values());
        Grouping.COMMON.values().forEach(columns -> known.addAll(columns.values()));
        return known;
    }
}
