package be.twe.organisation.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FinancialDetailsRepository implements PanacheRepositoryBase<FinancialDetailsEntity, String> {
}
