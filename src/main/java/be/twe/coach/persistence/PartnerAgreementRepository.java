package be.twe.coach.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PartnerAgreementRepository implements PanacheRepositoryBase<PartnerAgreementEntity, String> {
}
