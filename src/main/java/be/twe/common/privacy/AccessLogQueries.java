package be.twe.common.privacy;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;

/** Reads a trajectory's access log, newest first; who may read it is the caller's to decide. */
@ApplicationScoped
public class AccessLogQueries {
    /** One written entry. */
    public record Row(long id, OffsetDateTime occurredAt, String subject, String organisationId, List<String> roles,
                      String operation, String resourceType, String resourceId) {
    }

    @Inject
    EntityManager em;

    public Slice<Row> of(UUID trajectoryId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 1);
        long before = after.isEmpty() ? Long.MAX_VALUE : Cursor.number(after.get(0));
        List<?> rows = em.createNativeQuery("""
                        select id, occurred_at, subject, organisation_id, roles, operation, resource_type, resource_id
                        from access_log where trajectory_id = ?1 and id < ?2 order by id desc limit ?3""")
                .setParameter(1, trajectoryId).setParameter(2, before).setParameter(3, limit + 1).getResultList();
        List<Row> entries = rows.stream().map(Object[].class::cast).map(AccessLogQueries::row).toList();
        return Slice.of(entries, limit, r -> Cursor.encode(Long.toString(r.id())));
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), time(r[1]), (String) r[2], (String) r[3], roles(r[4]),
                (String) r[5], (String) r[6], (String) r[7]);
    }

    private static OffsetDateTime time(Object column) {
        if (column instanceof OffsetDateTime t) {
            return t;
        }
        if (column instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) column).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static List<String> roles(Object column) {
        if (column instanceof String[] array) {
            return List.of(array);
        }
        if (column instanceof Object[] array) {
            return Arrays.stream(array).map(String::valueOf).toList();
        }
        try {
            return List.of((String[]) ((java.sql.Array) column).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
