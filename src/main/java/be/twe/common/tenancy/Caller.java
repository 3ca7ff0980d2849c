package be.twe.common.tenancy;

import java.util.Set;

/**
 * Who is calling and for whom it may act, computed once per request.
 *
 * @param actingFor the OCMWs whose data the caller may read and write (itself for an OCMW,
 *                  those with a mandate valid today for a cluster or an OCMW that holds one, and
 *                  the OCMWs that merged into any of these; ignored for VDAB)
 * @param visibleOrganisations the organisations the caller may see in the directory
 * @param own       the OCMWs whose files the caller keeps as controller: an OCMW and those that
 *                  merged into it, never one it acts for under a mandate; empty for others
 */
public record Caller(String subject, String organisationId, OrganisationKind kind, Set<String> roles,
                     Set<String> actingFor, Set<String> visibleOrganisations, Set<String> own) {

    /** VDAB sees and acts for every organisation. */
    public boolean unrestricted() {
        return kind == OrganisationKind.VDAB;
    }
}
