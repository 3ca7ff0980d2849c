package be.twe.sync.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import be.twe.api.SyncApi;
import be.twe.api.model.ChangePage;
import be.twe.common.rest.Links;
import be.twe.sync.service.ChangeFeedService;
import io.quarkus.security.Authenticated;

public class ChangeResource implements SyncApi {
    @Inject
    Links links;
    @Inject
    ChangeFeedService feed;
    @Inject
    ChangeMapper mapper;
    @Context
    UriInfo uri;

    @Override
    @Authenticated
    public Response listChanges(Long after, Integer limit) {
        ChangeFeedService.Page page = feed.after(after, limit);
        String next = page.full() ? links.current(uri, "after", page.position()) : null;
        return Response.ok(new ChangePage().items(page.entries().stream().map(mapper::toDto).toList())
                .position(page.position()).next(next)).build();
    }
}
