package be.twe.common.error;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ext.Provider;

import be.twe.api.model.Problem;

/** Two changes from the same version raced and this one lost: the same answer as a stale If-Match. */
@Provider
public class OptimisticLockMapper extends ProblemMapper<OptimisticLockException> {
    @Override
    protected Problem toProblem(OptimisticLockException e) {
        return ProblemResponses.of(new PreconditionFailedProblem(null));
    }
}
