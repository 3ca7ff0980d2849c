package be.twe.common.tenancy;

import java.util.Set;

/**
 * Who is calling and for whom it may act, computed once per request.
 *
 * @param actingFor the OCMWs whose data the caller may read and write (itself for an OCMW,
 *                  those with a mandate valid today for a cluster; ignored for VDAB)
 * @param visibleOrganisations the organisations the caller may see in the directory
 */
public record Caller(String subject, String organisationId, OrganisationKind kind, Set<String> roles,
                     Set<String> actingFor, Set<String> visibleOrganisations) {

    /** VDAB sees and acts for every organisation. */
    public boolean unrestricted() {
        return kind == OrganisationKind.VDAB;
    }
}
