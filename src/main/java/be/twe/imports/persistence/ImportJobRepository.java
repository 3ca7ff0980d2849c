package be.twe.imports.persistence;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJobEntity, UUID> {

    /** An import is its submitting organisation's alone: not even VDAB reads another's. */
    public Optional<ImportJobEntity> ofOrganisation(UUID id, String organisationId) {
        return find("id = ?1 and organisationId = ?2", id, organisationId).firstResultOptional();
    }

    public void started(UUID id) {
        getEntityManager().createNativeQuery(
                        "update import_job set started_at = coalesce(started_at, now()) where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Marks the job finished when no line is left pending; returns whether it is. */
    public boolean finishIfDone(UUID id) {
        return getEntityManager().createNativeQuery("""
                        update import_job set finished_at = now()
                        where id = ?1 and finished_at is null
                          and not exists (select 1 from import_line where import_id = ?1 and status = 'PENDING')""")
                .setParameter(1, id).executeUpdate() == 1;
    }
}
