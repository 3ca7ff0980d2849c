package be.twe.document.service;

import java.util.List;

import be.twe.document.persistence.DocumentEntity;
import be.twe.document.persistence.DocumentVersionEntity;

/** A document with its versions, oldest first. */
public record DocumentView(DocumentEntity document, List<DocumentVersionEntity> versions) {

    /**
     * A number that grows with every change of the document (an upload adds a version, a withdrawal
     * raises that version's own version), so it serves as the document's ETag.
     */
    public long state() {
        return versions.stream().mapToLong(v -> 1 + v.version).sum();
    }
}
