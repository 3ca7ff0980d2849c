package be.twe.common.tenancy;

/**
 * Names and SQL conditions of the tenancy filters. Entities declare them with {@code @FilterDef}
 * ({@code autoEnabled}, {@code applyToLoadByKey}) so that every HQL query and every load by id is
 * restricted to what the caller may see. Native SQL bypasses them: do not use it for tenant data.
 */
public final class Tenancy {
    /** Rows of the caller's own organisation only (financial details, audit trail). */
    public static final String OWN_ORGANISATION = "ownOrganisation";
    public static final String OWN_ORGANISATION_CONDITION = "(:unrestricted or organisation_id = :self)";

    /** Organisations in the caller's directory. */
    public static final String VISIBLE_ORGANISATION = "visibleOrganisation";
    public static final String VISIBLE_ORGANISATION_CONDITION =
            "(:unrestricted or id = any(string_to_array(:visible, ',')))";

    /** Mandates the caller gave or holds. */
    public static final String OWN_MANDATE = "ownMandate";
    public static final String OWN_MANDATE_CONDITION = "(:unrestricted or cluster_id = :self or ocmw_id = :self)";

    /** Data of the OCMWs the caller acts for (trajectories and everything under them). */
    public static final String ACTING_FOR = "actingFor";
    public static final String ACTING_FOR_CONDITION =
            "(:unrestricted or ocmw_id = any(string_to_array(:actingFor, ',')))";

    private Tenancy() {
    }
}
