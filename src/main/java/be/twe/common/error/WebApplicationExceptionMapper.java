package be.twe.common.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;

import be.twe.api.model.Problem;

/** Framework answers (unknown path, wrong method or media type) in the same problem format. */
@Provider
public class WebApplicationExceptionMapper extends ProblemMapper<WebApplicationException> {
    @Override
    public jakarta.ws.rs.core.Response toResponse(WebApplicationException e) {
        return e.getResponse().hasEntity() ? e.getResponse() : super.toResponse(e);
    }

    @Override
    protected Problem toProblem(WebApplicationException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return JsonProblems.toProblem(json); // the JSON reader wraps its errors
        }
        ProblemType type = ProblemType.forStatus(e.getResponse().getStatus());
        return ProblemResponses.problem(type, Text.of("http-reason", Text.of("title." + type.code())));
    }
}
