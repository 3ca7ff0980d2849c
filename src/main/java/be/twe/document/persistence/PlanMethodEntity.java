package be.twe.document.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;



/**
 * The plan an OCMW draws up at the start of guidance (POP, GPMI or another plan) and, when it is
 * not the POP, why: a code and optional text. Visible to whoever acts for the OCMW.
 */
@Entity
@Table(name = "plan_method")
public class PlanMethodEntity {
    @Id
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Enumerated(EnumType.STRING)
    public PlanMethodKind method;
    @Enumerated(EnumType.STRING)
    public PlanMethodReason reason;
    @Column(name = "reason_text")
    public String reasonText;
    /** Counted by hand under a row lock, as the partner agreement's: none recorded is version 0. */
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
