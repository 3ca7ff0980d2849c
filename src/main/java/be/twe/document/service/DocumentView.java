package be.twe.document.service;

import java.util.List;

import be.twe.document.persistence.DocumentEntity;
import be.twe.document.persistence.DocumentVersionEntity;

/** A document with its versions, oldest first. */
public record DocumentView(DocumentEntity document, List<DocumentVersionEntity> versions) {
}
