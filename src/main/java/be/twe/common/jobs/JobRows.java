package be.twe.common.jobs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import be.twe.common.persistence.Rows;

/**
 * What every job table holds in common, read as system work: who submitted a job, which jobs are
 * unfinished, which may be purged. The table name comes from {@link JobKind#name()}, never from
 * input.
 */
@ApplicationScoped
class JobRows {
    @Inject
    EntityManager em;

    /** Who submitted the job, while it is unfinished; empty once it finished or was purged. */
    Optional<Submitter> submitter(JobKind kind, UUID id) {
        return Rows.as(Submitter.class, em.createNativeQuery("select organisation_id, subject, roles from "
                        + table(kind) + " where id = ?1 and finished_at is null"))
                .setParameter(1, id).uniqueResultOptional();
    }

    /** Unfinished jobs, oldest first. */
    @SuppressWarnings("unchecked")
    List<UUID> unfinished(JobKind kind) {
        return em.createNativeQuery("select id from " + table(kind)
                        + " where finished_at is null order by submitted_at").getResultList();
    }

    int purgeFinishedBefore(JobKind kind, OffsetDateTime limit) {
        return em.createNativeQuery("delete from " + table(kind) + " where finished_at < ?1")
                .setParameter(1, limit).executeUpdate();
    }

    private static String table(JobKind kind) {
        return kind.name() + "_job";
    }
}
