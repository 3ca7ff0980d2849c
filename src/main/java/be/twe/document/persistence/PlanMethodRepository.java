package be.twe.document.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PlanMethodRepository implements PanacheRepositoryBase<PlanMethodEntity, String> {
}
