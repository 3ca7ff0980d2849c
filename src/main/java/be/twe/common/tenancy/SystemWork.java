package be.twe.common.tenancy;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Work that no caller does: it sees every organisation's rows ({@code twe.unrestricted}). Each
 * kind has a name, and ADR 0033 lists them all. It always gets connections of its own: a
 * transaction of its own, or none at all, never the caller's (whose connection would carry the
 * caller, or, worse, a connection it enlisted would carry this work's rights into the caller's
 * transaction).
 */
@ApplicationScoped
public class SystemWork {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    @Inject
    TransactionManager transactions;

    /** Runs {@code work} in a transaction of its own, which commits before this returns. */
    public <T> T inTransaction(String name, Supplier<T> work) {
        return as(name, () -> QuarkusTransaction.requiringNew().call(work::get));
    }

    public void inTransaction(String name, Runnable work) {
        inTransaction(name, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} that takes its own connections and commits them itself (plain JDBC, a
     * lock held on a connection): refused inside a transaction, whose connection it could take.
     */
    public <T> T withoutTransaction(String name, Callable<T> work) {
        if (transactionActive()) {
            throw new IllegalStateException(name + " must not run inside a transaction");
        }
        return as(name, work);
    }

    private <T> T as(String name, Callable<T> work) {
        String outer = CURRENT.get();
        CURRENT.set(name);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The system work running on this thread, if any. */
    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    private boolean transactionActive() {
        try {
            return transactions.getStatus() != Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return true;
        }
    }
}
