package be.twe.municipality.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Cursor;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MunicipalityRepository implements PanacheRepositoryBase<MunicipalityEntity, MunicipalityEntity.Key> {
    private static final String VALID_IN_YEAR = "m.validFrom <= :yearEnd and (m.validTo is null or m.validTo >= :yearStart)";

    public List<MunicipalityEntity> list(String province, Integer year, List<String> after, int fetch) {
        Query q = new Query().and("m.provinceNisCode = :province", "province", province);
        if (year != null) {
            q.and(VALID_IN_YEAR, yearBounds(year));
        }
        if (!after.isEmpty()) {
            q.and("(m.nisCode > :afterCode or (m.nisCode = :afterCode and m.validFrom > :afterFrom))",
                    Map.of("afterCode", after.get(0), "afterFrom", Cursor.date(after.get(1))));
        }
        return find("from MunicipalityEntity m where " + q.where() + " order by m.nisCode, m.validFrom",
                q.parameters()).page(0, fetch).list();
    }

    /** The version valid in {@code year}, or the most recent one. */
    public Optional<MunicipalityEntity> find(String nisCode, Integer year) {
        Query q = new Query().and("m.nisCode = :nisCode", "nisCode", nisCode);
        if (year != null) {
            q.and(VALID_IN_YEAR, yearBounds(year));
        }
        return find("from MunicipalityEntity m where " + q.where() + " order by m.validFrom desc", q.parameters())
                .firstResultOptional();
    }

    private static Map<String, Object> yearBounds(int year) {
        return Map.of("yearStart", LocalDate.of(year, 1, 1), "yearEnd", LocalDate.of(year, 12, 31));
    }
}
