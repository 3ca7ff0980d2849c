package be.twe.common.rest;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** How the API is reached from outside, and how long it waits for a body. */
@ConfigMapping(prefix = "twe.http")
public interface HttpSettings {
    /**
     * The public address of the API (e.g. {@code https://twe.vdab.be/api}), the base of every link
     * it writes. Without it links are relative to the host ({@code /trajectories/...}): a link
     * is never built from the request's own {@code Host} header, which any client can set.
     */
    Optional<URI> publicBaseUrl();

    /** How long an upload or import body may take to arrive before the request is refused (408). */
    Duration bodyTimeout();
}
