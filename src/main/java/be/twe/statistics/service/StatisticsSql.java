package be.twe.statistics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;

/**
 * Runs a figure as one aggregate query: the figure's events ({@code ocmw_id}, {@code day} and its
 * own columns), placed in their OCMW's municipality and province, restricted to what the caller
 * may see (native SQL, so the tenancy condition is written here, once), filtered and grouped.
 */
@ApplicationScoped
public class StatisticsSql {
    /** Which municipality an event is reported under: valid on its date, or the 2025 one it became. */
    public enum Municipalities { AT_EVENT, MERGED_2025 }

    public record Filter(LocalDate from, LocalDate to, String province, String nisCode, String clusterId,
                         Municipalities municipalities) {
    }

    /** A figure: its events' SQL and its values, answer name -> aggregate over the placed events. */
    public record Figure(String events, Map<String, String> values) {
    }

    private static final String AT_EVENT = """
            select * from municipality m where m.nis_code = o.nis_code
            order by (m.valid_from <= e.day and (m.valid_to is null or m.valid_to >= e.day)) desc, m.valid_from desc
            limit 1""";
    private static final String MERGED_2025 = """
            select * from municipality m
            where m.nis_code = coalesce((select m1.successor_nis_code from municipality m1
                                         where m1.nis_code = o.nis_code and m1.successor_nis_code is not null
                                         order by m1.valid_from desc limit 1), o.nis_code)
            order by m.valid_from desc limit 1""";

    @Inject
    EntityManager em;
    @Inject
    CallerContext callers;

    /** The rows, each as answer name -> value, ordered by the groups. */
    @Transactional
    public List<Map<String, Object>> rows(Figure figure, Grouping grouping, Filter filter) {
        List<Object> parameters = new ArrayList<>();
        Caller caller = callers.current();
        StringBuilder scope = new StringBuilder("where true");
        if (!caller.unrestricted()) {
            scope.append(" and e.ocmw_id = any(string_to_array(?, ','))");
            parameters.add(String.join(",", caller.actingFor()));
        }
        if (filter.from() != null) {
            scope.append(" and e.day >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            scope.append(" and e.day <= ?");
            parameters.add(filter.to());
        }
        if (filter.clusterId() != null) {
            scope.append(" and exists (select 1 from mandate md where md.cluster_id = ? and md.ocmw_id = e.ocmw_id"
                    + " and md.valid_from <= e.day and (md.valid_to is null or md.valid_to >= e.day))");
            parameters.add(filter.clusterId());
        }
        StringBuilder placedFilter = new StringBuilder("where true");
        if (filter.province() != null) {
            placedFilter.append(" and province_nis_code = ?");
            parameters.add(filter.province());
        }
        if (filter.nisCode() != null) {
            placedFilter.append(" and municipality_nis_code = ?");
            parameters.add(filter.nisCode());
        }
        List<String> select = new ArrayList<>(grouping.expressions());
        select.addAll(figure.values().values());
        List<String> positions = new ArrayList<>();
        for (int i = 1; i <= grouping.expressions().size(); i++) {
            positions.add(Integer.toString(i));
        }
        String order = positions.isEmpty() ? "" : "group by " + String.join(", ", positions) + " order by "
                + String.join(", ", positions);
        String sql = """
                with events as (%s),
                placed as (
                    select e.*, m.nis_code as municipality_nis_code, m.name as municipality_name,
                           p.nis_code as province_nis_code, p.name as province_name
                    from events e
                    join organisation o on o.id = e.ocmw_id
                    cross join lateral (%s) m
                    join province p on p.nis_code = m.province_nis_code
                    %s
                )
                select %s from placed %s %s""".formatted(figure.events(),
                filter.municipalities() == Municipalities.MERGED_2025 ? MERGED_2025 : AT_EVENT, scope,
                String.join(", ", select), placedFilter, order);
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<String> names = new ArrayList<>(grouping.columns());
        names.addAll(figure.values().keySet());
        return query.getResultList().stream().map(r -> row(names, r)).toList();
    }

    private static Map<String, Object> row(List<String> names, Object result) {
        Object[] values = result instanceof Object[] array ? array : new Object[] {result};
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values[i]);
        }
        return row;
    }
}
