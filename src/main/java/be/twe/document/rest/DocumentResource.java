package be.twe.document.rest;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.DocumentsApi;
import be.twe.api.model.DocumentKind;
import be.twe.api.model.DocumentPage;
import be.twe.api.model.DocumentWithdrawal;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.privacy.AccessLog;
import be.twe.common.rest.ContentDigest;
import be.twe.common.rest.ETags;
import be.twe.common.rest.IfMatch;
import be.twe.common.rest.Links;
import be.twe.common.rest.SpooledBody;
import be.twe.common.security.Roles;
import be.twe.document.persistence.DocumentVersionEntity;
import be.twe.document.service.DocumentService;
import be.twe.document.service.DocumentView;
import be.twe.document.service.FileIntake;
import be.twe.document.service.PlanMonitoringService;
import be.twe.document.storage.DocumentStore;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class DocumentResource implements DocumentsApi {
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    DocumentService service;
    @Inject
    PlanMonitoringService monitoring;
    @Inject
    DocumentStore store;
    @Inject
    DocumentMapper mapper;
    @Inject
    AccessLog accessLog;
    @Context
    UriInfo uri;
    @Context
    HttpHeaders headers;

    @Override
    @Authenticated
    public Response listDocuments(UUID trajectoryId, DocumentKind kind, Integer limit, String cursor) {
        Slice<DocumentView> slice = service.list(trajectoryId,
                kind == null ? null : be.twe.document.persistence.DocumentKind.valueOf(kind.name()), limit, cursor);
        accessLog.read("listDocuments", slice.items().stream().map(DocumentResource::read).toList());
        return Response.ok(new DocumentPage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    @SpooledBody(maxSize = "twe.documents.max-size")
    public Response uploadDocument(UUID trajectoryId, DocumentKind kind, String title, String fileName,
                                   InputStream body, String contentDigest, String idempotencyKey) {
        DocumentView document = service.upload(trajectoryId,
                new DocumentService.NewDocument(be.twe.document.persistence.DocumentKind.valueOf(kind.name()), title,
                        fileName),
                upload(body, contentDigest, idempotencyKey));
        return links.created(links.to("trajectories", trajectoryId, "documents", document.document().id))
                .header("ETag", ETags.of(document.state())).entity(mapper.toDto(document)).build();
    }

    @Override
    @Authenticated
    public Response getDocument(UUID trajectoryId, UUID documentId, String ifNoneMatch) {
        DocumentView document = service.get(trajectoryId, documentId);
        accessLog.read("getDocument", read(document));
        return ETags.read(mapper.toDto(document), document.state(), ifNoneMatch);
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    @SpooledBody(maxSize = "twe.documents.max-size")
    public Response uploadDocumentVersion(UUID trajectoryId, UUID documentId, String fileName, InputStream body,
                                          String contentDigest, String idempotencyKey) {
        DocumentVersionEntity version = service.uploadVersion(trajectoryId, documentId, fileName,
                upload(body, contentDigest, idempotencyKey));
        return links.created(links.to("trajectories", trajectoryId, "documents", documentId, "versions", version.number))
                .header("ETag", ETags.of(version.version))
                .entity(mapper.toDto(version)).build();
    }

    @Override
    @Authenticated
    public Response getDocumentVersion(UUID trajectoryId, UUID documentId, Integer versionNumber,
                                       String ifNoneMatch) {
        DocumentVersionEntity version = service.version(trajectoryId, documentId, versionNumber);
        accessLog.read("getDocumentVersion", read(version));
        return ETags.read(mapper.toDto(version), version.version, ifNoneMatch);
    }

    @Override
    @Authenticated
    public Response downloadDocumentVersion(UUID trajectoryId, UUID documentId, Integer versionNumber,
                                            String ifNoneMatch) {
        DocumentService.Download download = service.download(trajectoryId, documentId, versionNumber, ifNoneMatch);
        DocumentVersionEntity version = download.version();
        accessLog.read("downloadDocumentVersion", read(version)); // also when not modified: the caller holds it
        String etag = DocumentService.contentETag(version);
        if (download.notModified()) {
            return Response.notModified().header("ETag", etag).build();
        }
        String key = version.storageKey;
        StreamingOutput content = out -> store.copyTo(key, out);
        return Response.ok(content, version.mediaType)
                .header("ETag", etag)
                .header(ContentDigest.HEADER, ContentDigest.of(version.sha256))
                .header("Content-Length", version.size)
                .header("Content-Disposition", attachment(version.fileName))
                .build();
    }

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    public Response withdrawDocumentVersion(UUID trajectoryId, UUID documentId, Integer versionNumber,
                                            String ifMatch, DocumentWithdrawal withdrawal) {
        return withETag(service.withdraw(trajectoryId, documentId, versionNumber, IfMatch.of(ifMatch), withdrawal.getReason()));
    }

    @Override
    @Authenticated
    public Response getPlanMonitoring(String organisationId, Integer dueDays) {
        return Response.ok(mapper.toDto(monitoring.report(organisationId, dueDays))).build();
    }

    private static AccessLog.Read read(DocumentView view) {
        return new AccessLog.Read(view.document().ocmwId, view.document().trajectoryId, "document",
                view.document().id.toString());
    }

    private static AccessLog.Read read(DocumentVersionEntity version) {
        return new AccessLog.Read(version.ocmwId, version.trajectoryId, "document-version", version.id.toString());
    }

    /** A retried upload is recognised by its declared digest, so a key needs one (the body is never buffered). */
    private FileIntake.Upload upload(InputStream body, String contentDigest, String idempotencyKey) {
        ContentDigest.requiredWithKey(contentDigest, idempotencyKey);
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String type = headers.getMediaType() == null ? null
                : headers.getMediaType().getType() + "/" + headers.getMediaType().getSubtype();
        return new FileIntake.Upload(body, type, length == null ? null : Long.valueOf(length), contentDigest);
    }

    private Response withETag(DocumentVersionEntity version) {
        return ETags.read(mapper.toDto(version), version.version, null);
    }

    /** RFC 6266: an ASCII fallback and the exact name in UTF-8. */
    private static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
