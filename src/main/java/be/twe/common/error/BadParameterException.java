package be.twe.common.error;

import jakarta.ws.rs.BadRequestException;

/**
 * Thrown by parameter converters: JAX-RS would turn a plain conversion failure of a query
 * parameter into a 404, so the failure travels as a ready 400 problem instead.
 */
public class BadParameterException extends BadRequestException {
    private final transient Issue issue;

    public BadParameterException(Issue issue) {
        super(ProblemResponses.response(ProblemResponses.of(new InvalidInputProblem(issue))));
        this.issue = issue;
    }

    public Issue issue() {
        return issue;
    }
}
