package be.twe.common.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import be.twe.api.model.Problem;

/** One small subclass per exception type turns it into a problem body. */
public abstract class ProblemMapper<E extends Throwable> implements ExceptionMapper<E> {

    protected abstract Problem toProblem(E exception);

    @Override
    public Response toResponse(E exception) {
        return ProblemResponses.response(toProblem(exception));
    }
}
