package be.twe.organisation.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class MandateRepository implements PanacheRepositoryBase<MandateEntity, UUID> {
    static final String VALID_ON = "m.validFrom <= :validOn and (m.validTo is null or m.validTo >= :validOn)";

    /** Mandates given by (OCMW) or held by (cluster) the organisation, by validity start. */
    public List<MandateEntity> listFor(String organisationId, LocalDate validOn, LocalDate afterFrom, UUID afterId,
                                       int fetch) {
        return page(new Query().and("(m.clusterId = :org or m.ocmwId = :org)", "org", organisationId)
                .and(VALID_ON, "validOn", validOn), afterFrom, afterId, fetch);
    }

    /**
     * Every mandate the caller may see (row-level security: VDAB all, others those they gave or
     * hold), by validity start.
     */
    public List<MandateEntity> list(String clusterId, String ocmwId, LocalDate validOn, LocalDate afterFrom,
                                    UUID afterId, int fetch) {
        return page(new Query().and("m.clusterId = :cluster", "cluster", clusterId)
                .and("m.ocmwId = :ocmw", "ocmw", ocmwId)
                .and(VALID_ON, "validOn", validOn), afterFrom, afterId, fetch);
    }

    private List<MandateEntity> page(Query q, LocalDate afterFrom, UUID afterId, int fetch) {
        if (afterId != null) {
            q.and("(m.validFrom > :afterFrom or (m.validFrom = :afterFrom and m.id > :afterId))",
                    Map.of("afterFrom", afterFrom, "afterId", afterId));
        }
        return find("from MandateEntity m where " + q.where() + " order by m.validFrom, m.id", q.parameters())
                .page(0, fetch).list();
    }
}
