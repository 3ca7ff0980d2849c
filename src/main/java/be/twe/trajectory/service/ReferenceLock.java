package be.twe.trajectory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Puts requests for one external reference of one organisation one after the other, until the
 * transaction ends; without it, parallel first requests would all insert and all but one would
 * hit the unique constraint, which stays the guarantee.
 */
@ApplicationScoped
public class ReferenceLock {
    private static final int NAMESPACE = 7265011;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String kind, String registeredBy, String reference) {
        em.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))").setParameter(1, NAMESPACE)
                .setParameter(2, kind + "\u001f" + registeredBy + "\u001f" + reference).getSingleResult();
    }
}
