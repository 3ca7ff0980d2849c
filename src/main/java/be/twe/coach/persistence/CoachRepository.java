package be.twe.coach.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CoachRepository implements PanacheRepositoryBase<CoachEntity, UUID> {

    public List<CoachEntity> list(String organisationId, UUID afterId, int fetch) {
        return afterId == null
                ? find("organisationId = ?1 order by id", organisationId).page(0, fetch).list()
                : find("organisationId = ?1 and id > ?2 order by id", organisationId, afterId).page(0, fetch).list();
    }
}
