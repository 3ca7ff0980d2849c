package be.twe.imports.persistence;

import java.time.OffsetDateTime;
import java.util.List;
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

    /**
     * Who submitted the job, read as system work: the worker needs it to act as that user, before
     * any caller exists in its thread.
     */
    public Optional<Object[]> submitter(UUID id) {
        List<?> rows = getEntityManager().createNativeQuery(
                        "select organisation_id, subject, roles from import_job where id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst();
    }

    /** Jobs not finished, oldest first (after a restart the worker resumes them). */
    @SuppressWarnings("unchecked")
    public List<UUID> unfinished() {
        return getEntityManager().createNativeQuery(
                "select id from import_job where finished_at is null order by submitted_at")
                .getResultList();
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

    /** Reports are kept 30 days after the import finished. */
    public int purgeFinishedBefore(OffsetDateTime limit) {
        return getEntityManager().createNativeQuery("delete from import_job where finished_at < ?1")
                .setParameter(1, limit).executeUpdate();
    }
}
