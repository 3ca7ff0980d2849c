package be.twe.imports.rest;

import java.io.InputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.ImportsApi;
import be.twe.api.model.ImportLinePage;
import be.twe.api.model.ImportLineStatus;
import be.twe.common.paging.PageLinks;
import be.twe.common.paging.Slice;
import be.twe.common.rest.ContentDigest;
import be.twe.common.rest.Links;
import be.twe.common.rest.SpooledBody;
import be.twe.common.security.Roles;
import be.twe.imports.persistence.ImportLineEntity;
import be.twe.imports.persistence.ImportLineRepository.Status;
import be.twe.imports.service.ImportService;
import be.twe.sync.idempotency.Idempotent;
import io.quarkus.security.Authenticated;

public class ImportResource implements ImportsApi {
    @Inject
    Links links;
    @Inject
    PageLinks pageLinks;
    @Inject
    ImportService service;
    @Inject
    ImportMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @RolesAllowed({Roles.COACH, Roles.HELPDESK})
    @Idempotent
    @SpooledBody(maxSize = "twe.imports.max-size")
    public Response createImport(InputStream body, String contentDigest, String idempotencyKey) {
        ContentDigest.requiredWithKey(contentDigest, idempotencyKey);
        ImportService.View view = service.submit(body, contentDigest);
        return links.accepted(mapper.toDto(view, linesOf(view.job().id)), links.to("imports", view.job().id)).build();
    }

    @Override
    @Authenticated
    public Response getImport(UUID importId) {
        return Response.ok(mapper.toDto(service.get(importId), linesOf(importId))).build();
    }

    @Override
    @Authenticated
    public Response listImportLines(UUID importId, ImportLineStatus status, Integer limit, String cursor) {
        Slice<ImportLineEntity> slice = service.lines(importId, status == null ? null : Status.valueOf(status.name()),
                limit, cursor);
        return Response.ok(new ImportLinePage().items(slice.items().stream().map(mapper::toDto).toList())
                .next(pageLinks.next(uri, slice)).nextCursor(slice.nextCursor())).build();
    }

    private String linesOf(UUID importId) {
        return links.to("imports", importId, "lines");
    }
}
