package be.twe.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import be.twe.common.error.ContractMethods;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;

/**
 * A query parameter the operation does not take is a 400 naming it: a misspelled filter
 * ({@code stauts=ENDED}) would otherwise answer unfiltered data as if it were filtered.
 */
public class StrictQueryParameters {
    private static final Map<Method, Set<String>> KNOWN = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> known = KNOWN.computeIfAbsent(method, StrictQueryParameters::queryParameters);
        List<Issue> unknown = uri.getQueryParameters().keySet().stream().filter(name -> !known.contains(name)).sorted()
                .map(name -> new Issue("query", name, null, known.isEmpty() ? "This operation takes no query parameters."
                        : "Unknown parameter; this operation takes " + String.join(", ", known) + "."))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputProblem(unknown);
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : ContractMethods.declaration(method).getParameterAnnotations()) {
            for (Annotation a : annotations) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
