package be.twe.statistics.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;

/**
 * Trajectories and instruments started, counted by PostgreSQL in one aggregate query. Native
 * SQL, so the tenancy condition is written here: the OCMWs the caller acts for, or all for VDAB.
 */
@ApplicationScoped
public class StartCounts {
    /** Which municipality an event is reported under: valid on its date, or the 2025 one it became. */
    public enum Municipalities { AT_EVENT, MERGED_2025 }

    public record Filter(LocalDate from, LocalDate to, String province, String nisCode, String clusterId,
                         Municipalities municipalities) {
    }

    /** A group's counts; the dimensions not grouped by are null. */
    public record Row(Integer year, String provinceNisCode, String provinceName, String municipalityNisCode,
                      String municipalityName, long trajectories, long art60, long bvs, long training, long wes,
                      long ibo) {
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

    @Transactional
    public List<Row> rows(Grouping grouping, Filter filter) {
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
        String positions = grouping.positions();
        String sql = """
                with events as (
                    select ocmw_id, start_date as day, 'TRAJECTORY' as what from trajectory
                    union all
                    select ocmw_id, start_date, type from instrument
                ), placed as (
                    select e.day, e.what, m.nis_code as municipality_nis_code, m.name as municipality_name,
                           p.nis_code as province_nis_code, p.name as province_name
                    from events e
                    join organisation o on o.id = e.ocmw_id
                    cross join lateral (%s) m
                    join province p on p.nis_code = m.province_nis_code
                    %s
                )
                select %s count(*) filter (where what = 'TRAJECTORY'), count(*) filter (where what = 'ART60'),
                       count(*) filter (where what = 'BVS'), count(*) filter (where what = 'TRAINING'),
                       count(*) filter (where what = 'WES'), count(*) filter (where what = 'IBO')
                from placed %s
                %s""".formatted(filter.municipalities() == Municipalities.MERGED_2025 ? MERGED_2025 : AT_EVENT,
                scope, grouping.select(), placedFilter,
                positions.isEmpty() ? "" : "group by " + positions + " order by " + positions);
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        List<?> result = query.getResultList();
        return result.stream().map(r -> row(grouping, (Object[]) r)).toList();
    }

    private static Row row(Grouping grouping, Object[] r) {
        int i = 0;
        Integer year = null;
        String provinceCode = null;
        String provinceName = null;
        String municipalityCode = null;
        String municipalityName = null;
        for (String dimension : grouping.dimensions()) {
            switch (dimension) {
                case "year" -> year = ((Number) r[i++]).intValue();
                case "province" -> {
                    provinceCode = (String) r[i++];
                    provinceName = (String) r[i++];
                }
                default -> {
                    municipalityCode = (String) r[i++];
                    municipalityName = (String) r[i++];
                }
            }
        }
        return new Row(year, provinceCode, provinceName, municipalityCode, municipalityName, count(r[i]),
                count(r[i + 1]), count(r[i + 2]), count(r[i + 3]), count(r[i + 4]), count(r[i + 5]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }
}
