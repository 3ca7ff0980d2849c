package be.twe.sync.rest;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import be.twe.sync.service.ChangeFeedService;

/** Tells every successful write the feed position that includes it ({@code Feed-Position}). */
@Provider
public class FeedPositionFilter implements ContainerResponseFilter {
    public static final String HEADER = "Feed-Position";
    /** Reads (GET, HEAD, OPTIONS) write no feed entry, and asking would open a transaction on the IO thread. */
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Inject
    ChangeFeedService feed;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 300 || !WRITES.contains(request.getMethod())) {
            return;
        }
        Long position = feed.positionOfThisRequest();
        if (position != null) {
            response.getHeaders().putSingle(HEADER, position.toString());
        }
    }
}
