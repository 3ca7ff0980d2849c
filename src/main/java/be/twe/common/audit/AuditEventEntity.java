package be.twe.common.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import be.twe.common.tenancy.Tenancy;

/** One entry of the append-only audit trail (a database trigger refuses updates and deletes). */
@Entity
@Immutable
@Table(name = "audit_event")
@Filter(name = Tenancy.OWN_ORGANISATION)
public class AuditEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
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
