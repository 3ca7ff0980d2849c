package be.twe.common.jobs;

import java.util.Set;

import be.twe.api.model.Problem;
import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemResponses;
import be.twe.common.tenancy.CallerContext;

/** The user a background job was submitted by, as stored with the job. */
public record Submitter(String organisationId, String subject, String roles) {

    /**
     * Makes the job's request context act as this user, as of now; returns the problem when that
     * is refused (the organisation ended), or null.
     */
    public Problem actAs(CallerContext callers) {
        try {
            callers.actAs(subject, organisationId, Set.of(roles.split(",")));
            return null;
        } catch (DomainProblem e) {
            return ProblemResponses.of(e);
        }
    }
}
