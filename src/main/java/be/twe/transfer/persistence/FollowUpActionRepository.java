package be.twe.transfer.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FollowUpActionRepository implements PanacheRepositoryBase<FollowUpActionEntity, UUID> {

    /** In order of start date. */
    public List<FollowUpActionEntity> ofTransfers(Collection<UUID> transferIds) {
        return transferIds.isEmpty() ? List.of()
                : list("transferId in ?1 order by startDate, recordedAt, id", transferIds);
    }
}
