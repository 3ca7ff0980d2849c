package be.twe.document.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DocumentVersionRepository implements PanacheRepositoryBase<DocumentVersionEntity, UUID> {

    public List<DocumentVersionEntity> ofDocuments(Collection<UUID> documentIds) {
        return documentIds.isEmpty() ? List.of()
                : list("documentId in ?1 order by documentId, number", documentIds);
    }

    public Optional<DocumentVersionEntity> find(UUID documentId, int number) {
        return find("documentId = ?1 and number = ?2", documentId, number).firstResultOptional();
    }

    public int nextNumber(UUID documentId) {
        Integer max = getEntityManager()
                .createQuery("select max(v.number) from DocumentVersionEntity v where v.documentId = ?1", Integer.class)
                .setParameter(1, documentId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
