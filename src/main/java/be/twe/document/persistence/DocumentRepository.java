package be.twe.document.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import be.twe.common.paging.Keyset;
import be.twe.common.paging.Query;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<DocumentEntity, UUID> {

    /** One page of a trajectory's documents (of one kind, when given), oldest first, the id breaking ties. */
    public List<DocumentEntity> ofTrajectory(UUID trajectoryId, DocumentKind kind, Keyset<OffsetDateTime> after, int fetch) {
        Query q = new Query().and("d.trajectoryId = :trajectoryId", "trajectoryId", trajectoryId)
                .and("d.kind = :kind", "kind", kind);
        Keyset.restrict(q, after, "d", "createdAt");
        return find("from DocumentEntity d where " + q.where() + " order by d.createdAt, d.id", q.parameters())
                .page(0, fetch).list();
    }
}
