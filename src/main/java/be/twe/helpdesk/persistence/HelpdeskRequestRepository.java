package be.twe.helpdesk.persistence;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Keyset;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class HelpdeskRequestRepository implements PanacheRepositoryBase<HelpdeskRequestEntity, UUID> {

    /** The requests the caller may see (row-level security), oldest first: the helpdesk's queue. */
    public List<HelpdeskRequestEntity> list(HelpdeskRequestStatus status, HelpdeskRequestKind kind, String ocmwId, Keyset<OffsetDateTime> after,
                                            int fetch) {
        Query q = new Query()
                .and("r.status = :status", "status", status)
                .and("r.kind = :kind", "kind", kind)
                .and("r.ocmwId = :ocmwId", "ocmwId", ocmwId);
        Keyset.restrict(q, after, "r", "requestedAt");
        return find("from HelpdeskRequestEntity r where " + q.where() + " order by r.requestedAt, r.id",
                q.parameters()).page(0, fetch).list();
    }

    /** The registrations made for these requests. */
    public List<HelpdeskRegistrationEntity> registrationsOf(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of() : getEntityManager().createQuery(
                "from HelpdeskRegistrationEntity g where g.requestId in ?1 order by g.resourceType, g.resourceId",
                HelpdeskRegistrationEntity.class).setParameter(1, requestIds).getResultList();
    }
}
