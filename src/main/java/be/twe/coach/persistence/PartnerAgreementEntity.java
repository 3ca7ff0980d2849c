package be.twe.coach.persistence;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;



@Entity
@Table(name = "partner_agreement")
public class PartnerAgreementEntity {
    @Id
    @Column(name = "organisation_id")
    public String organisationId;
    @Column(name = "signed_on")
    public LocalDate signedOn;
    /**
     * Counted by hand under a row lock, not with {@code @Version}: an organisation without a row has
     * the agreement "not signed" at version 0, so the first record must become version 1.
     */
    public long version;
}
