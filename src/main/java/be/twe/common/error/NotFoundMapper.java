package be.twe.common.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JAX-RS answers 404 when a query or path parameter cannot be converted (e.g. {@code year=abc}).
 * When the request did match an operation, the parameter at fault is found again and the
 * answer becomes a 400 naming it; otherwise it is a plain 404 problem.
 */
public class NotFoundMapper {
    private final ParameterConverters converters = new ParameterConverters();

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        List<Issue> issues = resource.getResourceMethod() == null ? List.of()
                : invalidParameters(ContractMethods.declaration(resource.getResourceMethod()), uri, headers);
        if (!issues.isEmpty()) {
            return ProblemResponses.response(ProblemResponses.of(new InvalidInputProblem(issues)));
        }
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.NOT_FOUND,
                Text.of("not-found.path")));
    }

    private List<Issue> invalidParameters(Method method, UriInfo uri, HttpHeaders headers) {
        List<Issue> issues = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            String value = rawValue(annotations[i], uri, headers);
            var converter = converters.getConverter(types[i], types[i], annotations[i]);
            if (value == null || converter == null) {
                continue;
            }
            try {
                converter.fromString(value);
            } catch (BadParameterException bad) {
                issues.add(bad.issue());
            }
        }
        return issues;
    }

    private static String rawValue(Annotation[] annotations, UriInfo uri, HttpHeaders headers) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return uri.getQueryParameters().getFirst(q.value());
            }
            if (a instanceof PathParam p) {
                return uri.getPathParameters().getFirst(p.value());
            }
            if (a instanceof HeaderParam h) {
                return headers.getHeaderString(h.value());
            }
        }
        return null;
    }
}
