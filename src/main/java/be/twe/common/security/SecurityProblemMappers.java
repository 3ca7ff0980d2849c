package be.twe.common.security;

import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import be.twe.common.error.ProblemResponses;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 in the problem format. Proactive authentication is off so that these failures
 * reach JAX-RS at all; the 403 names the roles the operation needs.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed needed = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        String roles = needed == null ? "" : String.join(", ", Arrays.asList(needed.value()));
        return ProblemResponses.response(ProblemResponses.of(new MissingRoleProblem(roles)));
    }

    private static Response unauthenticated() {
        Response problem = ProblemResponses.response(ProblemResponses.problem(ProblemType.UNAUTHENTICATED,
                Text.of("unauthenticated")));
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
