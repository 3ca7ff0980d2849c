package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.error.Text;
import be.twe.common.security.Roles;
import be.twe.common.security.TokenClaims;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the caller's organisation and mandates from the token, once per request and through the
 * {@link CallerCache} (a few seconds, emptied by every mandate change): an OCMW acts
 * for itself and the OCMWs that merged into it (their history), a cluster (or an OCMW that holds
 * a mandate) for the OCMWs that mandate it today and theirs. It reads them with plain JDBC
 * through a database function that needs no caller: the database's settings
 * ({@link CallerSettings}) are made from this bean.
 */
@RequestScoped
public class CallerContext {
    @Inject
    SecurityIdentity identity;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Today today;
    @Inject
    TokenClaims tokenClaims;
    @Inject
    CallerCache cache;

    private Caller caller;
    private boolean resolving;

    public Caller current() {
        if (caller == null) {
            currentOn(null);
            if (caller == null) {
                throw new IllegalStateException("CallerContext used without an authenticated token");
            }
        }
        return caller;
    }

    /**
     * The caller, resolved if not yet known (on {@code connection} if given, else on a connection
     * of its own, and only when {@link CallerCache} does not know it); null without an
     * authenticated token, and while the caller is being resolved (the database function that
     * resolves it needs no settings).
     */
    Caller currentOn(Connection connection) {
        if (caller != null || resolving || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return caller;
        }
        resolving = true;
        try {
            tokenClaims.check(token);
            Object claim = token.getClaim(Roles.CLAIM_ORGANISATION);
            String organisationId = claim == null ? null : claim.toString().replace("\"", "");
            caller = load(connection, token.getSubject(), organisationId, identity.getRoles());
            return caller;
        } finally {
            resolving = false;
        }
    }

    /**
     * Background work done for a user (a bulk import) runs as that user, in a request context of
     * its own: organisation kind and mandates are read now, as for a request.
     */
    public void actAs(String subject, String organisationId, Set<String> roles) {
        resolving = true;
        try {
            caller = load(null, subject, organisationId, roles);
        } finally {
            resolving = false;
        }
    }

    /** Acts as a caller already resolved on another thread ({@link CallerThreads}). */
    public void actAs(Caller resolved) {
        caller = resolved;
    }

    private Caller load(Connection given, String subject, String organisationId, Set<String> roles) {
        LocalDate date = today.date();
        CallerCache.Resolved resolved = cache.get(organisationId, date, () -> given != null
                ? resolve(given, organisationId, date) : resolveOnOwnConnection(organisationId, date));
        return new Caller(subject, organisationId, resolved.kind(), Set.copyOf(roles), resolved.actingFor(),
                resolved.visible(), resolved.own());
    }

    /** With {@code resolving} set, so that the connection is taken without settings. */
    private CallerCache.Resolved resolveOnOwnConnection(String organisationId, LocalDate date) {
        try (Connection c = dataSource.getConnection()) {
            return resolve(c, organisationId, date);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve the caller's organisation", e);
        }
    }

    /** Reads the organisation and its mandates through twe_caller (R__tenancy_policies.sql). */
    private static CallerCache.Resolved resolve(Connection c, String organisationId, LocalDate date) {
        try (PreparedStatement s = c.prepareStatement(
                "select kind, acting_for, visible, own, merged_into, merged_on from twe_caller(?, ?)")) {
            s.setString(1, organisationId);
            s.setDate(2, Date.valueOf(date));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (rs.getString(1) == null) {
                    throw new DomainProblem(ProblemType.UNKNOWN_ORGANISATION, rs.getString(5) == null
                            ? Text.of("unknown-organisation", Roles.CLAIM_ORGANISATION)
                            : Text.of("unknown-organisation.merged", Roles.CLAIM_ORGANISATION, organisationId,
                                    rs.getString(5), rs.getDate(6), rs.getString(5), rs.getString(5)));
                }
                return new CallerCache.Resolved(OrganisationKind.valueOf(rs.getString(1)), ids(rs, 2), ids(rs, 3),
                        ids(rs, 4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve the caller's organisation", e);
        }
    }

    private static Set<String> ids(ResultSet rs, int column) throws SQLException {
        return Set.copyOf(List.of((String[]) rs.getArray(column).getArray()));
    }
}
