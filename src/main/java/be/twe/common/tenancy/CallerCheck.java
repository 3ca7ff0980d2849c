package be.twe.common.tenancy;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/** Refuses (403) an authenticated token whose organisation claim names no known organisation. */
public class CallerCheck {
    @Inject
    SecurityIdentity identity;
    @Inject
    CallerContext callerContext;

    @ServerRequestFilter
    public void resolveCaller() {
        if (!identity.isAnonymous()) {
            callerContext.current();
        }
    }
}
