package be.twe.common.error;

import jakarta.ws.rs.ext.Provider;

import be.twe.api.model.Problem;

@Provider
public class DomainProblemMapper extends ProblemMapper<DomainProblem> {
    @Override
    protected Problem toProblem(DomainProblem e) {
        return ProblemResponses.of(e);
    }
}
