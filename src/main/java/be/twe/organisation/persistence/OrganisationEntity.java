package be.twe.organisation.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.ParamDef;

import be.twe.common.tenancy.OrganisationKind;
import be.twe.common.tenancy.Tenancy;
import be.twe.common.tenancy.TenancyParameters;

@Entity
@Immutable
@Table(name = "organisation")
@FilterDef(name = Tenancy.VISIBLE_ORGANISATION, defaultCondition = Tenancy.VISIBLE_ORGANISATION_CONDITION,
        autoEnabled = true, applyToLoadByKey = true, parameters = {
            @ParamDef(name = "unrestricted", type = Boolean.class, resolver = TenancyParameters.Unrestricted.class),
            @ParamDef(name = "visible", type = String.class, resolver = TenancyParameters.VisibleOrganisations.class)})
@Filter(name = Tenancy.VISIBLE_ORGANISATION)
public class OrganisationEntity {
    @Id
    public String id;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    public String name;
    @Column(name = "nis_code")
    public String nisCode;
    @Column(name = "province_nis_code")
    public String provinceNisCode;
    @Column(name = "cluster_kind")
    public String clusterKind;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    /** The OCMW it merged into, which keeps its records. */
    @Column(name = "successor_id")
    public String successorId;
}
