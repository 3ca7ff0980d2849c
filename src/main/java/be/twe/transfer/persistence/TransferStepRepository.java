package be.twe.transfer.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TransferStepRepository implements PanacheRepository<TransferStepEntity> {

    /** Oldest first. */
    public List<TransferStepEntity> ofTransfers(Collection<UUID> transferIds) {
        return transferIds.isEmpty() ? List.of() : list("transferId in ?1 order by id", transferIds);
    }
}
