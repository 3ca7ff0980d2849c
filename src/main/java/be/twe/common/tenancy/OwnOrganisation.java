package be.twe.common.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.NotFoundProblem;

/**
 * The gate of an organisation's own sub-resources (coaches, agreement): the organisation itself
 * and VDAB pass, anyone else gets the 404 of a missing organisation. Row-level security holds the
 * rows behind it as well (own_organisation).
 */
@ApplicationScoped
public class OwnOrganisation {
    @Inject
    CallerContext callerContext;

    public void require(String organisationId) {
        Caller caller = callerContext.current();
        if (!caller.unrestricted() && !caller.organisationId().equals(organisationId)) {
            throw new NotFoundProblem("organisation", organisationId);
        }
    }
}
