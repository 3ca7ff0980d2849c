package be.twe.common.audit;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.paging.Cursor;
import be.twe.common.paging.Slice;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Writes and reads the audit trail, in the caller's transaction so a change and its entry commit together. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail implements PanacheRepository<AuditEventEntity> {
    @Inject
    CallerContext callerContext;

    public void record(String organisationId, String entityType, String entityId, String action,
                       Map<String, Object> oldValue, Map<String, Object> newValue) {
        Caller caller = callerContext.current();
        AuditEventEntity event = new AuditEventEntity();
        event.actorSubject = caller.subject();
        event.actorOrganisationId = caller.organisationId();
        event.organisationId = organisationId;
        event.entityType = entityType;
        event.entityId = entityId;
        event.action = action;
        event.oldValue = oldValue;
        event.newValue = newValue;
        persist(event);
    }

    /** Newest first. */
    public Slice<AuditEventEntity> list(String organisationId, int limit, String cursor) {
        List<String> after = Cursor.decode(cursor, 1);
        List<AuditEventEntity> rows = after.isEmpty()
                ? find("organisationId = ?1 order by id desc", organisationId).page(0, limit + 1).list()
                : find("organisationId = ?1 and id < ?2 order by id desc", organisationId, Cursor.number(after.get(0)))
                        .page(0, limit + 1).list();
        return Slice.of(rows, limit, e -> Cursor.encode(e.id.toString()));
    }
}
