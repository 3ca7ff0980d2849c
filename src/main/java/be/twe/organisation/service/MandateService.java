package be.twe.organisation.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import be.twe.common.audit.AuditTrail;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.persistence.KeyLock;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerCache;
import be.twe.common.tenancy.CallerContext;
import be.twe.common.tenancy.OrganisationKind;
import be.twe.common.tenancy.OwnOrganisation;
import be.twe.common.tenancy.Today;
import be.twe.organisation.persistence.MandateEntity;
import be.twe.organisation.persistence.MandateRepository;
import be.twe.organisation.persistence.OrganisationEntity;
import be.twe.organisation.persistence.OrganisationRepository;
import be.twe.sync.service.Feeds;

/**
 * Mandates granted and ended by their OCMW, corrected by VDAB (issue 19). A change that makes a
 * mandate valid or no longer valid today tells the cluster at once, through the same feed entries
 * the daily visibility job writes when a mandate starts or ends by date.
 */
@ApplicationScoped
@Transactional
@Feeds
public class MandateService {
    @Inject
    MandateRepository mandates;
    @Inject
    OrganisationRepository organisations;
    @Inject
    OwnOrganisation ownOrganisation;
    @Inject
    CallerContext callers;
    @Inject
    AuditTrail auditTrail;
    @Inject
    Today today;
    @Inject
    CallerCache callerCache;
    @Inject
    KeyLock lock;

    public MandateEntity grant(String ocmwId, String clusterId, LocalDate validFrom, LocalDate validTo) {
        ownOrganisation.require(ocmwId);
        OrganisationEntity ocmw = organisations.findByIdOptional(ocmwId)
                .filter(o -> o.kind == OrganisationKind.OCMW).orElseThrow(() -> new NotFoundProblem("OCMW", ocmwId));
        String holderKind = holderKind(clusterId, ocmw.id) // the OCMW need not see it yet
                .orElseThrow(() -> new DomainProblem(ProblemType.UNKNOWN_CLUSTER,
                        Text.of("unknown-cluster", clusterId, ocmw.id)));
        requireOrder(validFrom, validTo);
        boolean visibleBefore = validToday(clusterId, ocmw.id);
        MandateEntity mandate = new MandateEntity();
        mandate.id = UUID.randomUUID();
        mandate.clusterId = clusterId;
        mandate.holderOrganisationKind = holderKind;
        mandate.ocmwId = ocmw.id;
        mandate.validFrom = validFrom;
        mandate.validTo = validTo;
        mandate.source = "API";
        lock.lock("mandate", clusterId, ocmw.id); // KeyLock: an overlap, never a deadlock
        mandates.persistAndFlush(mandate); // the no-overlap constraint decides here
        callerCache.invalidateAfterCommit(); // ADR 0025
        audit(mandate, "create", null);
        tellCluster(mandate, visibleBefore);
        mandates.getEntityManager().refresh(mandate);
        return mandate;
    }

    public MandateEntity get(UUID id) {
        return mandates.findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("mandate", id.toString()));
    }

    /** The OCMW ends its mandate (its start stays); VDAB corrects both dates, which are then known. */
    public MandateEntity change(UUID id, IfMatch ifMatch, LocalDate validFrom, LocalDate validTo) {
        MandateEntity mandate = get(id);
        Caller caller = callers.current();
        if (!caller.unrestricted() && !caller.organisationId().equals(mandate.ocmwId)) {
            throw new DomainProblem(ProblemType.MANDATE_BY_OCMW,
                    Text.of("mandate-by-ocmw"));
        }
        ifMatch.check(mandate.version);
        requireOrder(validFrom, validTo);
        if (!caller.unrestricted() && !validFrom.equals(mandate.validFrom)) {
            throw new DomainProblem(ProblemType.MANDATE_START_BY_VDAB,
                    Text.of("mandate-start-by-vdab", mandate.validFrom));
        }
        Map<String, Object> before = snapshot(mandate);
        boolean visibleBefore = validToday(mandate.clusterId, mandate.ocmwId);
        lock.lock("mandate", mandate.clusterId, mandate.ocmwId);
        mandate.validFrom = validFrom;
        mandate.validTo = validTo;
        if (caller.unrestricted()) {
            mandate.periodAssumed = false;
        }
        mandates.flush();
        callerCache.invalidateAfterCommit(); // ADR 0025
        audit(mandate, "update", before);
        tellCluster(mandate, visibleBefore);
        return mandate;
    }

    private static void requireOrder(LocalDate validFrom, LocalDate validTo) {
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new DomainProblem(ProblemType.MANDATE_END_BEFORE_START,
                    Text.of("mandate-end-before-start", validTo, validFrom));
        }
    }

    /**
     * The organisation kind of a holder, if it may hold the OCMW's mandate: guidance is outsourced to
     * an intermunicipal association or private organisation (a cluster), to VDAB or to another OCMW
     * (2021 answer), one that exists today; for an OCMW not itself nor one that merged into it.
     */
    private Optional<String> holderKind(String id, String ocmwId) {
        return Optional.ofNullable((String) mandates.getEntityManager()
                .createNativeQuery("select twe_mandate_holder_kind(?1, ?2, ?3)") // past the directory's policy
                .setParameter(1, id).setParameter(2, ocmwId).setParameter(3, today.date()).getSingleResult());
    }

    private boolean validToday(String clusterId, String ocmwId) {
        return (Boolean) mandates.getEntityManager().createNativeQuery("select mandate_valid(?1, ?2, ?3)")
                .setParameter(1, clusterId).setParameter(2, ocmwId).setParameter(3, today.date()).getSingleResult();
    }

    /** VISIBILITY_GAINED or _LOST entries for the cluster when today's answer changed. */
    private void tellCluster(MandateEntity mandate, boolean visibleBefore) {
        boolean visibleNow = validToday(mandate.clusterId, mandate.ocmwId);
        if (visibleNow != visibleBefore) {
            mandates.getEntityManager().createNativeQuery("select record_pair_visibility(?1, ?2, ?3)")
                    .setParameter(1, mandate.clusterId).setParameter(2, mandate.ocmwId).setParameter(3, visibleNow)
                    .getSingleResult();
        }
    }

    /** In both organisations' audit trails. */
    private void audit(MandateEntity mandate, String action, Map<String, Object> before) {
        Map<String, Object> after = snapshot(mandate);
        for (String organisationId : new String[] {mandate.ocmwId, mandate.clusterId}) {
            auditTrail.record(organisationId, "mandate", mandate.id.toString(), action, before, after);
        }
    }

    private static Map<String, Object> snapshot(MandateEntity mandate) {
        Map<String, Object> values = new HashMap<>();
        values.put("clusterId", mandate.clusterId);
        values.put("ocmwId", mandate.ocmwId);
        values.put("validFrom", String.valueOf(mandate.validFrom));
        values.put("validTo", mandate.validTo == null ? null : mandate.validTo.toString());
        return values;
    }
}
