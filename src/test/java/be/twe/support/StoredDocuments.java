package be.twe.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** What the database holds for documents, to prove that refused uploads leave nothing behind. */
@ApplicationScoped
public class StoredDocuments {
    @Inject
    EntityManager em;

    public record Counts(long documents, long versions, long largeObjects) {
    }

    @Transactional
    public Counts counts() {
        return new Counts(count("select count(*) from document"), count("select count(*) from document_version"),
                count("select count(*) from pg_largeobject_metadata"));
    }

    /** Other sessions inside a transaction: an upload in progress holds one until it commits or rolls back. */
    @Transactional
    public long openTransactions() {
        return count("select count(*) from pg_stat_activity where backend_type = 'client backend'"
                + " and xact_start is not null and pid <> pg_backend_pid()");
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }
}
