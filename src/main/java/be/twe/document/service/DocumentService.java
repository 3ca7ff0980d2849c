package be.twe.document.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import be.twe.common.audit.AuditTrail;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.NotFoundProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.paging.Keyset;
import be.twe.common.paging.Slice;
import be.twe.common.persistence.Timestamps;
import be.twe.common.rest.IfMatch;
import be.twe.common.tenancy.CallerContext;
import be.twe.document.persistence.DocumentEntity;
import be.twe.document.persistence.DocumentKind;
import be.twe.document.persistence.DocumentRepository;
import be.twe.document.persistence.DocumentVersionEntity;
import be.twe.document.persistence.DocumentVersionRepository;
import be.twe.sync.service.Feeds;
import be.twe.trajectory.service.Registrar;
import be.twe.trajectory.service.TrajectoryRoot;
import be.twe.trajectory.service.TrajectoryService;

/**
 * Documents of a trajectory and their immutable versions. Whoever may see the trajectory may read
 * its documents; writing needs the same rights as registering (a coach acting for the OCMW, or
 * VDAB's helpdesk on its behalf). Uploads, downloads and withdrawals are audited.
 */
@ApplicationScoped
@Transactional
@Feeds
public class DocumentService {
    static final String AUDIT_TYPE = "document-version";

    @Inject
    DocumentRepository documents;
    @Inject
    DocumentVersionRepository versions;
    @Inject
    TrajectoryService trajectories;
    @Inject
    Registrar registrar;
    @Inject
    FileIntake intake;
    @Inject
    AuditTrail auditTrail;
    @Inject
    CallerContext callerContext;

    public record NewDocument(DocumentKind kind, String title, String fileName) {
    }

    /** A download that may go ahead, or the caller's copy is current ({@code notModified}). */
    public record Download(DocumentVersionEntity version, boolean notModified) {
    }

    public DocumentView upload(UUID trajectoryId, NewDocument input, FileIntake.Upload upload) {
        TrajectoryRoot trajectory = trajectories.root(trajectoryId);
        Registrar.Registration registration = registrar.authoriseWrite(trajectory.ocmwId());
        FileIntake.StoredFile file = intake.store(upload);
        DocumentEntity document = new DocumentEntity();
        document.id = UUID.randomUUID();
        document.trajectoryId = trajectory.id();
        document.ocmwId = trajectory.ocmwId();
        document.kind = input.kind();
        document.title = input.title();
        document.createdAt = Timestamps.now();
        documents.persist(document);
        DocumentVersionEntity version = addVersion(document, 1, input.fileName(), file, registration);
        return new DocumentView(document, List.of(version));
    }

    public DocumentVersionEntity uploadVersion(UUID trajectoryId, UUID documentId, String fileName,
                                               FileIntake.Upload upload) {
        DocumentEntity document = document(trajectoryId, documentId);
        Registrar.Registration registration = registrar.authoriseWrite(document.ocmwId);
        FileIntake.StoredFile file = intake.store(upload);
        // numbered under a row lock taken after the (long) transfer, so parallel uploads queue only briefly
        documents.findById(documentId, LockModeType.PESSIMISTIC_WRITE);
        return addVersion(document, versions.nextNumber(documentId), fileName, file, registration);
    }

    public Slice<DocumentView> list(UUID trajectoryId, DocumentKind kind, int limit, String cursor) {
        trajectories.root(trajectoryId);
        Slice<DocumentEntity> page = Slice.of(documents.ofTrajectory(trajectoryId, kind,
                Keyset.after(cursor, OffsetDateTime::parse), limit + 1), limit, d -> Keyset.cursor(d.createdAt, d.id));
        List<DocumentEntity> found = page.items();
        Map<UUID, List<DocumentVersionEntity>> byDocument = versions.ofDocuments(
                found.stream().map(d -> d.id).toList()).stream()
                .collect(Collectors.groupingBy(v -> v.documentId));
        return new Slice<>(found.stream().map(d -> new DocumentView(d, byDocument.getOrDefault(d.id, List.of())))
                .toList(), page.nextCursor());
    }

    public DocumentView get(UUID trajectoryId, UUID documentId) {
        DocumentEntity document = document(trajectoryId, documentId);
        return new DocumentView(document, versions.ofDocuments(List.of(documentId)));
    }

    public DocumentVersionEntity version(UUID trajectoryId, UUID documentId, int number) {
        document(trajectoryId, documentId);
        return versions.find(documentId, number)
                .orElseThrow(() -> new NotFoundProblem("version", documentId + "/" + number));
    }

    /** Checks the download and records it in the audit trail before a byte is sent. */
    public Download download(UUID trajectoryId, UUID documentId, int number, String ifNoneMatch) {
        DocumentVersionEntity version = version(trajectoryId, documentId, number);
        if (version.withdrawn()) {
            throw new DomainProblem(ProblemType.DOCUMENT_VERSION_WITHDRAWN,
                    Text.of("document-version-withdrawn", number, documentId, version.withdrawnAt.toLocalDate()));
        }
        if (version.erasedAt != null) {
            throw new DomainProblem(ProblemType.DOCUMENT_VERSION_ERASED,
                    Text.of("document-version-erased", number, documentId, version.erasedAt.toLocalDate()));
        }
        if (contentETag(version).equals(ifNoneMatch == null ? null : ifNoneMatch.trim())) {
            return new Download(version, true);
        }
        auditTrail.record(version.ocmwId, AUDIT_TYPE, version.id.toString(), "download", null, reference(version));
        return new Download(version, false);
    }

    public DocumentVersionEntity withdraw(UUID trajectoryId, UUID documentId, int number, IfMatch ifMatch,
                                          String reason) {
        DocumentVersionEntity version = version(trajectoryId, documentId, number);
        ifMatch.check(version.version);
        registrar.authoriseWrite(version.ocmwId);
        if (version.withdrawn()) {
            throw new DomainProblem(ProblemType.DOCUMENT_VERSION_ALREADY_WITHDRAWN,
                    Text.of("document-version-already-withdrawn", number, documentId));
        }
        version.withdrawnAt = Timestamps.now();
        version.withdrawnBy = callerContext.current().organisationId();
        version.withdrawalReason = reason;
        versions.flush();
        auditTrail.record(version.ocmwId, AUDIT_TYPE, version.id.toString(), "withdraw", null, reference(version));
        return version;
    }

    /** Strong validator of the content itself: equal bytes, equal tag. */
    public static String contentETag(DocumentVersionEntity version) {
        return "\"" + version.sha256 + "\"";
    }

    private DocumentEntity document(UUID trajectoryId, UUID documentId) {
        return documents.findByIdOptional(documentId).filter(d -> d.trajectoryId.equals(trajectoryId))
                .orElseThrow(() -> new NotFoundProblem("document", documentId.toString()));
    }

    private DocumentVersionEntity addVersion(DocumentEntity document, int number, String fileName,
                                             FileIntake.StoredFile file, Registrar.Registration registration) {
        DocumentVersionEntity version = new DocumentVersionEntity();
        version.id = UUID.randomUUID();
        version.documentId = document.id;
        version.trajectoryId = document.trajectoryId;
        version.ocmwId = document.ocmwId;
        version.number = number;
        version.fileName = fileName;
        version.mediaType = file.type().mediaType;
        version.size = file.size();
        version.sha256 = file.sha256();
        version.storageKey = file.key();
        version.uploadedAt = Timestamps.now();
        version.uploadedBy = registration.registeredBy();
        version.onBehalf = registration.onBehalf();
        versions.persist(version);
        versions.flush();
        auditTrail.record(document.ocmwId, AUDIT_TYPE, version.id.toString(), "upload", null, Map.of(
                "documentId", document.id.toString(), "kind", document.kind, "number", number,
                "mediaType", version.mediaType, "size", version.size, "sha256", version.sha256));
        return version;
    }

    /** Which version, without its title or file name (they may name the client). */
    private static Map<String, Object> reference(DocumentVersionEntity version) {
        return Map.of("trajectoryId", version.trajectoryId.toString(), "documentId", version.documentId.toString(),
                "number", version.number);
    }
}
