package be.twe.organisation.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;



/** Enterprise number and bank account; visible to the organisation itself and VDAB only. */
@Entity
@Table(name = "financial_details")
public class FinancialDetailsEntity {
    @Id
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "kbo_number")
    public String kboNumber;
    public String iban;
    /** Optimistic lock: two concurrent changes from the same ETag cannot both win. */
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
