package be.twe.common.ratelimit;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import be.twe.common.error.ProblemResponses;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The rate limit per organisation, applied once the token is verified and before any database
 * work (the organisation comes from the verified {@code twe_org} claim, so nobody can spend
 * another organisation's quota). Over the limit: 429 with {@code Retry-After}. Every answer to a
 * limited request tells what is left ({@code RateLimit}, {@code RateLimit-Policy}). Requests
 * without a token are not counted: they are answered 401 without database work.
 */
public class RateLimitFilters {
    private static final String OUTCOME = RateLimitFilters.class.getName();

    @Inject
    SecurityIdentity identity;
    @Inject
    RateLimits limits;
    @ConfigProperty(name = "twe.rate-limit.enabled")
    boolean enabled;

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response limit(ContainerRequestContext request) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object organisation = token.getClaim(Roles.CLAIM_ORGANISATION);
        RateLimits.Outcome outcome = limits.take(organisation == null ? "" : organisation.toString().replace("\"", ""));
        if (outcome == null) {
            return null;
        }
        request.setProperty(OUTCOME, outcome);
        if (outcome.allowed()) {
            return null;
        }
        return Response.fromResponse(ProblemResponses.response(ProblemResponses.problem(ProblemType.RATE_LIMITED,
                        Text.of("rate-limited", limits.requests(), limits.windowSeconds(), outcome.retryAfterSeconds()))))
                .header(HttpHeaders.RETRY_AFTER, outcome.retryAfterSeconds()).build();
    }

    @ServerResponseFilter
    public void tell(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(OUTCOME) instanceof RateLimits.Outcome outcome) {
            response.getHeaders().putSingle("RateLimit", outcome.rateLimit());
            response.getHeaders().putSingle("RateLimit-Policy", outcome.policy());
        }
    }
}
