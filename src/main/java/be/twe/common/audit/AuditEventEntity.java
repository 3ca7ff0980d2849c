package be.twe.common.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;


/** One entry of the append-only audit trail (a database trigger refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEventEntity {
    /**
     * Numbered before the insert: an insert that returned its generated id would have to pass the
     * read policy too, and an entry in the other party's trail is not the writer's to read.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_id")
    @SequenceGenerator(name = "audit_event_id", sequenceName = "audit_event_id_seq", allocationSize = 1)
    public Long id;
    @Column(name = "occurred_at", insertable = false, updatable = false)
    public OffsetDateTime occurredAt;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_organisation_id")
    public String actorOrganisationId;
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "entity_type")
    public String entityType;
    @Column(name = "entity_id")
    public String entityId;
    public String action;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value")
    public Map<String, Object> oldValue;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value")
    public Map<String, Object> newValue;
}
