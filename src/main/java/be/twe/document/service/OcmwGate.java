package be.twe.document.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import be.twe.common.error.NotFoundProblem;
import be.twe.common.tenancy.Caller;
import be.twe.common.tenancy.CallerContext;
import be.twe.organisation.service.OrganisationService;

/**
 * An OCMW the caller acts for (VDAB: any OCMW), or 404: the gate of what is read per OCMW rather
 * than per record (plan monitoring's native queries, an OCMW's plan method that may not exist yet).
 */
@ApplicationScoped
public class OcmwGate {
    @Inject
    CallerContext callerContext;
    @Inject
    OrganisationService organisations;

    public void requireActingFor(String ocmwId) {
        Caller caller = callerContext.current();
        boolean allowed = caller.unrestricted() ? organisations.isOcmw(ocmwId) : caller.actingFor().contains(ocmwId);
        if (!allowed) {
            throw new NotFoundProblem("OCMW", ocmwId);
        }
    }
}
