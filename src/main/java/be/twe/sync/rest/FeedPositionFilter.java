package be.twe.sync.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import be.twe.sync.service.ChangeFeedService;
import be.twe.sync.service.WrittenTransaction;

/** Tells every successful write the feed position that includes it ({@code Feed-Position}). */
@Provider
public class FeedPositionFilter implements ContainerResponseFilter {
    public static final String HEADER = "Feed-Position";

    @Inject
    ChangeFeedService feed;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // reads ask nothing: that would open a transaction on the IO thread
        if (response.getStatus() >= 300 || !WrittenTransaction.WRITES.contains(request.getMethod())) {
            return;
        }
        Long position = feed.positionOfThisRequest();
        if (position != null) {
            response.getHeaders().putSingle(HEADER, position.toString());
        }
    }
}
