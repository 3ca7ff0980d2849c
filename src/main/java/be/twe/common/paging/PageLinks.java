package be.twe.common.paging;

import jakarta.ws.rs.core.UriInfo;

/** The {@code next} link of a page: the request's own URI with the cursor replaced. */
public final class PageLinks {
    private PageLinks() {
    }

    public static String next(UriInfo uri, Slice<?> slice) {
        return slice.nextCursor() == null ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", slice.nextCursor()).build().toString();
    }
}
