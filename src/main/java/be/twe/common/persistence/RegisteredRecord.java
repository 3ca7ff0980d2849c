package be.twe.common.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every registration carries: the responsible coach, who registered it (and whether VDAB's
 * helpdesk did so on behalf of the OCMW) under which reference of its own, its version for
 * If-Match, and when it last changed.
 */
@MappedSuperclass
public abstract class RegisteredRecord {
    @Column(name = "coach_id")
    public UUID coachId;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "on_behalf")
    public boolean onBehalf;
    /** The registering organisation's own id of the record, unique per organisation (a constraint). */
    @Column(name = "external_reference")
    public String externalReference;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
