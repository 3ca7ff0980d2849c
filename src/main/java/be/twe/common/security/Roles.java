package be.twe.common.security;

/**
 * The scope catalogue: every role a token can carry in its {@code twe_roles} claim. Roles say
 * what a caller may do; the {@code twe_org} claim says for whom (see {@code common.tenancy}).
 */
public final class Roles {
    /** Registers trajectories, instruments and documents (trained staff only). */
    public static final String COACH = "coach";
    /** Manages the organisation itself: financial details, coaches, agreements. */
    public static final String ADMIN = "admin";
    /** Reads statistics. */
    public static final String ANALYST = "analyst";
    /** VDAB's single point of contact: takes over transferred files. */
    public static final String SPOC = "spoc";
    /** VDAB's helpdesk: registers on behalf of an OCMW whose staff is not yet trained. */
    public static final String HELPDESK = "helpdesk";
    /** VDAB's trainers: record registration training sessions and who attended. */
    public static final String TRAINER = "trainer";

    public static final String CLAIM_ROLES = "twe_roles";
    public static final String CLAIM_ORGANISATION = "twe_org";

    private Roles() {
    }
}
