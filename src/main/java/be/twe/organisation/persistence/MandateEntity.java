package be.twe.organisation.persistence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Formula;


/**
 * A mandate to act for an OCMW, held by a cluster, VDAB or another OCMW (issue 29). The names are
 * formulas rather than associations so that a mandate stays readable when its other party is
 * outside the caller's directory: the database function answers for a party of the caller's
 * mandates only (R__tenancy_policies.sql).
 */
@Entity
@Table(name = "mandate")
public class MandateEntity {
    @Id
    public UUID id;
    @Column(name = "cluster_id")
    public String clusterId;
    @Formula("twe_mandate_party_name(cluster_id)")
    public String clusterName;
    /** The holder's organisation kind (CLUSTER, VDAB or OCMW), which the foreign key checks. */
    @Column(name = "cluster_kind")
    public String holderOrganisationKind;
    /** INTERMUNICIPAL or PRIVATE for a cluster, else the holder's kind (VDAB or OCMW). */
    @Formula("twe_mandate_party_kind(cluster_id)")
    public String holderKind;
    @Column(name = "ocmw_id")
    public String ocmwId;
    @Formula("twe_mandate_party_name(ocmw_id)")
    public String ocmwName;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;
    /** PUBLICATION_2021 or API. */
    public String source;
    /** The period is an assumption (the publication gave none) until VDAB corrects it. */
    @Column(name = "period_assumed")
    public boolean periodAssumed;
    @Version
    public long version;
}
