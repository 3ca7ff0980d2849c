package be.twe.transfer.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Keyset;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<TransferEntity, UUID> {

    /** The queue's filters; {@code transferredOnOrBefore} comes from "older than N days". */
    public record Criteria(TransferStatus status, String provinceNisCode, String ocmwId, TransferReason reason,
                           LocalDate transferredOnOrBefore) {
    }

    /** A keyset position: the transfer date and id of the last transfer of the previous page. */
    public record After(LocalDate transferDate, UUID id) {
    }

    /** One page of a trajectory's transfers, oldest first, the id breaking ties. */
    public List<TransferEntity> ofTrajectory(UUID trajectoryId, Keyset<OffsetDateTime> after, int fetch) {
        Query q = new Query().and("t.trajectoryId = :trajectoryId", "trajectoryId", trajectoryId);
        Keyset.restrict(q, after, "t", "createdAt");
        return find("from TransferEntity t where " + q.where() + " order by t.createdAt, t.id", q.parameters())
                .page(0, fetch).list();
    }

    /** The trajectory's open transfer (not yet dispatched), if any. */
    public Optional<TransferEntity> openOf(UUID trajectoryId) {
        return find("trajectoryId = ?1 and status <> ?2", trajectoryId, TransferStatus.DISPATCHED).firstResultOptional();
    }

    /** Oldest transfer date first, the id breaking ties. */
    public List<TransferEntity> list(Criteria c, After after, int fetch) {
        Query q = new Query()
                .and("t.status = :status", "status", c.status())
                .and("t.ocmwId in (select o.id from OrganisationEntity o where o.provinceNisCode = :province)",
                        "province", c.provinceNisCode())
                .and("t.ocmwId = :ocmwId", "ocmwId", c.ocmwId())
                .and("t.reason = :reason", "reason", c.reason())
                .and("t.transferDate <= :onOrBefore", "onOrBefore", c.transferredOnOrBefore());
        if (after != null) {
            q.and("(t.transferDate > :afterDate or (t.transferDate = :afterDate and t.id > :afterId))",
                    Map.of("afterDate", after.transferDate(), "afterId", after.id()));
        }
        return find("from TransferEntity t where " + q.where() + " order by t.transferDate, t.id", q.parameters())
                .page(0, fetch).list();
    }
}
