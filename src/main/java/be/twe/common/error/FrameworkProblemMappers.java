package be.twe.common.error;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The framework's 405, 406 and 415, told in full from the contract: which methods the path has
 * ({@code Allow}), which media types the operation takes or answers.
 */
public class FrameworkProblemMappers {
    @Inject
    ContractIndex contract;

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        Set<String> allowed = new TreeSet<>(contract.find(uri.getPath()).map(p -> p.byMethod().keySet()).orElse(Set.of()));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        String methods = String.join(", ", allowed);
        return Response.fromResponse(ProblemResponses.response(ProblemResponses.problem(ProblemType.METHOD_NOT_ALLOWED,
                Text.of("method-not-allowed", methods)))).header(HttpHeaders.ALLOW, methods).build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, UriInfo uri, Request request, HttpHeaders headers) {
        String sent = Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).orElse("no Content-Type");
        String accepted = operation(uri, request).map(o -> String.join(", ", o.consumes())).orElse("");
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                accepted.isEmpty() ? Text.of("unsupported-media-type.no-body")
                        : Text.of("unsupported-media-type", accepted, sent)));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uri, Request request) {
        String answered = operation(uri, request).map(o -> String.join(", ", o.produces())).orElse("");
        return ProblemResponses.response(ProblemResponses.problem(ProblemType.NOT_ACCEPTABLE,
                Text.of("not-acceptable", answered)));
    }

    private Optional<ContractIndex.Operation> operation(UriInfo uri, Request request) {
        return contract.find(uri.getPath()).map(p -> p.byMethod().get(request.getMethod()));
    }
}
