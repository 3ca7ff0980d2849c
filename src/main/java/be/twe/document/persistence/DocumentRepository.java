package be.twe.document.persistence;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<DocumentEntity, UUID> {

    public List<DocumentEntity> ofTrajectory(UUID trajectoryId, String kind) {
        return kind == null
                ? list("trajectoryId = ?1 order by createdAt, id", trajectoryId)
                : list("trajectoryId = ?1 and kind = ?2 order by createdAt, id", trajectoryId, kind);
    }
}
