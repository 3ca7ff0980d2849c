package be.twe.organisation.persistence;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import be.twe.common.tenancy.Tenancy;
import be.twe.common.tenancy.TenancyParameters;

/** Enterprise number and bank account; visible to the organisation itself and VDAB only. */
@Entity
@Table(name = "financial_details")
@FilterDef(name = Tenancy.OWN_ORGANISATION, defaultCondition = Tenancy.OWN_ORGANISATION_CONDITION,
        autoEnabled = true, applyToLoadByKey = true, parameters = {
            @ParamDef(name = "unrestricted", type = Boolean.class, resolver = TenancyParameters.Unrestricted.class),
            @ParamDef(name = "self", type = String.class, resolver = TenancyParameters.Self.class)})
@Filter(name = Tenancy.OWN_ORGANISATION)
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
