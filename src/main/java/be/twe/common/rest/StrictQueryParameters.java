package be.twe.common.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import be.twe.common.error.ContractMethods;
import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.ParameterConverters;
import be.twe.common.error.Text;

/**
 * A query parameter the operation does not take is a 400 naming it: a misspelled filter
 * ({@code stauts=ENDED}) would otherwise answer unfiltered data as if it were filtered. Dates
 * outside the plausible years are one too.
 */
public class StrictQueryParameters {
    private static final Map<Method, Set<String>> KNOWN = new ConcurrentHashMap<>();
    private static final Map<Method, Map<String, ParamConverter<?>>> DATES = new ConcurrentHashMap<>();
    private static final ParameterConverters CONVERTERS = new ParameterConverters();

    @ServerRequestFilter
    public void refuseUnknown(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || uri.getQueryParameters().isEmpty()) {
            return;
        }
        Set<String> known = KNOWN.computeIfAbsent(method, StrictQueryParameters::queryParameters);
        List<Issue> unknown = uri.getQueryParameters().keySet().stream().filter(name -> !known.contains(name)).sorted()
                .map(name -> new Issue("query", name, null, known.isEmpty() ? Text.of("query.none")
                        : Text.of("query.unknown", String.join(", ", known))))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputProblem(unknown);
        }
        DATES.computeIfAbsent(method, StrictQueryParameters::dateParameters).forEach((name, converter) -> {
            String value = uri.getQueryParameters().getFirst(name);
            if (value != null) {
                converter.fromString(value); // outside Plausible's years: a 400 naming the parameter
            }
        });
    }

    /**
     * The framework converts dates itself and takes any year, which then failed in PostgreSQL:
     * date and date-time parameters also go through {@link ParameterConverters}.
     */
    private static Map<String, ParamConverter<?>> dateParameters(Method method) {
        Method declaration = ContractMethods.declaration(method);
        Map<String, ParamConverter<?>> converters = new HashMap<>();
        Class<?>[] types = declaration.getParameterTypes();
        Annotation[][] annotations = declaration.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            if (types[i] != LocalDate.class && types[i] != OffsetDateTime.class) {
                continue;
            }
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    converters.put(q.value(), CONVERTERS.getConverter(types[i], types[i], annotations[i]));
                }
            }
        }
        return converters;
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
