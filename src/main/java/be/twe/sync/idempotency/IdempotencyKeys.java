package be.twe.sync.idempotency;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import be.twe.common.jobs.Background;
import be.twe.common.persistence.Rows;
import be.twe.common.tenancy.SystemWork;

import io.quarkus.scheduler.Scheduled;

/**
 * The remembered first responses to creates, per organisation (and user, for user-owned jobs) and
 * key, for 24 hours.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final String EXPIRED = "created_at < now() - interval '24 hours'";

    @Inject
    SystemWork systemWork;
    @Inject
    EntityManager em;

    /**
     * Takes the key for the current transaction, or returns what a committed create stored under it.
     * An expired key is taken over. A parallel request with the same key waits here, on the primary
     * key, until the first one's transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StoredResponse> claim(KeyScope scope, String key, String fingerprint) {
        int claimed = em.createNativeQuery("""
                insert into idempotency_key (organisation_id, subject, key, fingerprint) values (?1, ?4, ?2, ?3)
                on conflict (organisation_id, subject, key) do update
                set fingerprint = excluded.fingerprint, created_at = now(), status = null, body = null,
                    location = null, etag = null, transaction_id = null
                where idempotency_key.""" + EXPIRED)
                .setParameter(1, scope.organisationId()).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, scope.subject()).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(Rows.as(StoredResponse.class, em.createNativeQuery("""
                select fingerprint, status::int, body, location, etag, transaction_id::text
                from idempotency_key where organisation_id = ?1 and key = ?2 and subject = ?3"""))
                .setParameter(1, scope.organisationId()).setParameter(2, key).setParameter(3, scope.subject())
                .getSingleResult());
    }

    /** Stores the response in the create's transaction, together with the transaction's id for its feed position. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(KeyScope scope, String key, int status, String body, String location, String etag) {
        em.createNativeQuery("""
                update idempotency_key
                set status = ?3, body = ?4, location = ?5, etag = ?6, transaction_id = pg_current_xact_id()
                where organisation_id = ?1 and key = ?2 and subject = ?7""")
                .setParameter(1, scope.organisationId()).setParameter(2, key).setParameter(3, status)
                .setParameter(4, body).setParameter(5, location).setParameter(6, etag)
                .setParameter(7, scope.subject()).executeUpdate();
    }

    /** Whose key it is: an organisation's (subject empty) or one user's within it. */
    public record KeyScope(String organisationId, String subject) {
    }

    /** Keys older than 24 hours no longer answer; this only frees their space. */
    @Background
    @Scheduled(every = "1h", delayed = "1m")
    public void purgeExpired() {
        systemWork.inTransaction("idempotency key purge",
                () -> em.createNativeQuery("delete from idempotency_key where " + EXPIRED).executeUpdate());
    }
}
