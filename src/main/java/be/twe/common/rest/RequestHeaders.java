package be.twe.common.rest;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import be.twe.common.error.InvalidInputProblem;
import be.twe.common.error.Issue;
import be.twe.common.error.Text;

/**
 * {@code Accept} and {@code Content-Type} as the framework needs them before it matches an
 * operation: an empty one means none was sent (RFC 9110: no Accept accepts anything), and one that
 * is not a media type is a 400 naming the header, where the framework's parser answered 500.
 */
public class RequestHeaders {
    @ServerRequestFilter(preMatching = true)
    public void checkMediaTypes(ContainerRequestContext request) {
        for (String header : List.of(HttpHeaders.ACCEPT, HttpHeaders.CONTENT_TYPE)) {
            List<String> values = request.getHeaders().get(header);
            if (values == null) {
                continue;
            }
            if (values.stream().allMatch(String::isBlank)) {
                request.getHeaders().remove(header);
                continue;
            }
            for (String value : values) {
                for (String type : header.equals(HttpHeaders.ACCEPT) ? value.split(",") : new String[] {value}) {
                    check(header, value, type.trim());
                }
            }
        }
    }

    private static void check(String header, String value, String type) {
        if (type.isEmpty()) {
            return; // "a, , b": an empty list element is allowed
        }
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputProblem(new Issue("header", header, value.length() > 200 ? null : value,
                    Text.of("not-a-media-type")));
        }
    }
}
