package be.twe.sync.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import be.twe.common.security.Roles;
import be.twe.common.tenancy.Caller;

/**
 * Reads the change feed. Native SQL (positions, transaction ids), so the tenancy condition is
 * written here, once, from the {@link Caller}: the OCMWs it acts for, its own organisation, or
 * everything for VDAB.
 */
@ApplicationScoped
public class ChangeEventQueries {
    @Inject
    EntityManager em;

    public record Entry(long position, String resourceType, String resourceId, String path, long version,
                        String kind, OffsetDateTime occurredAt, String organisationId) {
    }

    /**
     * Committed entries after {@code after}, in position (commit) order. Entries with an addressee
     * (visibility changes) are for that organisation only; financial details only for admins, the
     * only role that may read them.
     */
    public List<Entry> after(Caller caller, long after, int limit) {
        List<?> rows = em.createNativeQuery("""
                select position, resource_type, resource_id, path, version, kind, occurred_at, organisation_id
                from change_event
                where position > ?1
                  and ((addressee is null
                        and (?2 or (scope = 'OCMW' and organisation_id = any(string_to_array(?3, ',')))
                             or (scope = 'OWN' and organisation_id = ?4)))
                       or addressee = ?4)
                  and (resource_type <> 'financial-details' or ?6)
                order by position
                limit ?5""")
                .setParameter(1, after)
                .setParameter(2, caller.unrestricted())
                .setParameter(3, String.join(",", caller.actingFor()))
                .setParameter(4, caller.organisationId())
                .setParameter(5, limit)
                .setParameter(6, caller.roles().contains(Roles.ADMIN))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).longValue(), (String) r[5], offset(r[6]),
                (String) r[7])).toList();
    }

    /** The transaction this session writes in, or null when it wrote nothing. */
    public String currentTransaction() {
        return (String) em.createNativeQuery("select pg_current_xact_id_if_assigned()::text").getSingleResult();
    }

    /** After its commit: the last position a transaction's changes got, or null when it changed nothing fed. */
    public Long lastPositionOf(String transaction) {
        Number position = (Number) em.createNativeQuery(
                "select max(position) from change_event where xid = cast(?1 as xid8)")
                .setParameter(1, transaction).getSingleResult();
        return position == null ? null : position.longValue();
    }

    private static OffsetDateTime offset(Object value) {
        return value instanceof Instant i ? i.atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }
}
