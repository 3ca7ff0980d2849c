package be.twe.common.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import be.twe.api.model.Problem;

/** Every problem names the request it answers ({@code instance}, RFC 9457): its path, never its host. */
public class ProblemInstance {
    @ServerResponseFilter
    public void addInstance(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && problem.getInstance() == null) {
            problem.setInstance(request.getUriInfo().getRequestUri().getRawPath());
        }
    }
}
