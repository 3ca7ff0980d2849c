package be.twe.organisation.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import be.twe.common.tenancy.OrganisationKind;

@Entity
@Immutable
@Table(name = "organisation")
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
