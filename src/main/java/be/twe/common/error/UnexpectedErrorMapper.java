package be.twe.common.error;

import java.util.UUID;

import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import be.twe.api.model.Problem;

/**
 * The catch-all: logs the exception with a trace id and answers a generic 500, so that no
 * class name, stack trace or SQL reaches the caller.
 */
@Provider
public class UnexpectedErrorMapper extends ProblemMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    protected Problem toProblem(Throwable e) {
        String traceId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, traceId=%s", traceId);
        return ProblemResponses.problem(ProblemType.INTERNAL_ERROR,
                "An unexpected error occurred; quote the traceId when you report it.").traceId(traceId);
    }
}
