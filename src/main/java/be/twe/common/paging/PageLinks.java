package be.twe.common.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

import be.twe.common.rest.Links;

/** The {@code next} link of a page: the request's own URI with the cursor replaced. */
@ApplicationScoped
public class PageLinks {
    @Inject
    Links links;

    public String next(UriInfo uri, Slice<?> slice) {
        return slice.nextCursor() == null ? null : links.current(uri, "cursor", slice.nextCursor());
    }
}
