package be.twe.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** What the database holds for documents, to prove that refused uploads leave nothing behind. */
@ApplicationScoped
public class StoredDocuments {
    @Inject
    TestData data;

    public record Counts(long documents, long versions, long largeObjects) {
    }

    public Counts counts() {
        return new Counts(data.count("select count(*) from document"), data.count("select count(*) from document_version"),
                data.count("select count(*) from pg_largeobject_metadata"));
    }

    /** Other sessions inside a transaction: an upload in progress holds one until it commits or rolls back. */
    public long openTransactions() {
        return data.count("select count(*) from pg_stat_activity where backend_type = 'client backend'"
                + " and xact_start is not null and pid <> pg_backend_pid()");
    }
}
