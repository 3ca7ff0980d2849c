package be.twe.common.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Rows;
import be.twe.common.persistence.Timestamps;

/**
 * Reads a trajectory's access log, newest first; who may read it is the caller's to decide. An entry's
 * id is its row's plus its place in the row (V33).
 */
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
        List<Row> entries = Rows.as(Stored.class, em.createNativeQuery("""
                        select a.id + r.place - 1 as id, occurred_at, subject, organisation_id,
                               array_to_string(roles, ',') as roles, operation, resource_type, r.resource_id
                        from access_log a,
                             unnest(a.trajectory_ids, a.resource_ids) with ordinality r (trajectory_id, resource_id, place)
                        where a.trajectory_ids @> array[cast(?1 as uuid)] and a.id < ?2 and r.trajectory_id = ?1
                          and a.id + r.place - 1 < ?2
                        order by 1 desc limit ?3"""))
                .setParameter(1, trajectoryId).setParameter(2, before).setParameter(3, limit + 1)
                .getResultStream().map(Stored::row).toList();
        return Slice.of(entries, limit, r -> Cursor.encode(Long.toString(r.id())));
    }

    /** An entry as the database hands it out: the roles joined by commas. */
    record Stored(Long id, Instant occurredAt, String subject, String organisationId, String roles, String operation,
                  String resourceType, String resourceId) {
        Row row() {
            return new Row(id, Timestamps.utc(occurredAt), subject, organisationId,
                    roles.isEmpty() ? List.of() : List.of(roles.split(",")), operation, resourceType, resourceId);
        }
    }
}
