package be.twe.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Puts writes that share a key one after the other until the transaction ends (a PostgreSQL
 * transaction-level advisory lock). The database constraint stays the guarantee; the lock makes
 * the second writer meet it after the first committed:
 * <ul>
 * <li>an external reference: parallel first requests would otherwise all insert, and all but one
 * hit the unique constraint;</li>
 * <li>the key of an exclusion constraint (a mandate's pair, an instrument's trajectory): two
 * transactions inserting conflicting rows each insert first and then wait for the other, which
 * PostgreSQL ends as a deadlock (40P01) instead of an overlap (23P01).</li>
 * </ul>
 */
@ApplicationScoped
public class KeyLock {
    private static final int NAMESPACE = 7265011;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String kind, String... key) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, NAMESPACE)
                .setParameter(2, kind + "\u001f" + String.join("\u001f", key)).getSingleResult();
    }
}
