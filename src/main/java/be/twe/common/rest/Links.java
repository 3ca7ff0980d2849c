package be.twe.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** Every link the API writes (Location, next pages, downloads), from the configured public base URL only. */
@ApplicationScoped
public class Links {
    @Inject
    HttpSettings settings;

    /** The resource at these path segments, each percent-encoded. */
    public String to(Object... segments) {
        UriBuilder path = UriBuilder.fromPath("/");
        for (Object segment : segments) {
            path.segment(String.valueOf(segment));
        }
        return withBase(path.build().toString());
    }

    /** The current request with one query parameter replaced, e.g. the next page's cursor. */
    public String current(UriInfo uri, String parameter, Object value) {
        return withBase(UriBuilder.fromPath(uri.getRequestUri().getRawPath())
                .replaceQuery(uri.getRequestUri().getRawQuery())
                .replaceQueryParam(parameter, value).build().toString());
    }

    /**
     * 201 with {@code Location}, set as a header so that JAX-RS does not resolve a relative one
     * against the request's host.
     */
    public Response.ResponseBuilder created(String location) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location);
    }

    /** 202 with {@code Location}, for background jobs. */
    public Response.ResponseBuilder accepted(Object entity, String location) {
        return Response.accepted(entity).header(HttpHeaders.LOCATION, location);
    }

    private String withBase(String path) {
        return settings.publicBaseUrl().map(base -> base.toString().replaceFirst("/+$", "") + path).orElse(path);
    }
}
