package be.twe.common.tenancy;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.twe.common.error.DomainProblem;
import be.twe.common.error.ProblemType;
import be.twe.common.security.Roles;
import be.twe.common.security.TokenClaims;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the caller's organisation and mandates from the token, once per request. It reads
 * with plain JDBC on purpose: the tenancy filters depend on this bean, so it must not go through
 * the filtered Hibernate session itself.
 */
@RequestScoped
public class CallerContext {
    private static final String VALID_ON = " valid_from <= ? and (valid_to is null or valid_to >= ?)";

    @Inject
    SecurityIdentity identity;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Today today;
    @Inject
    TokenClaims tokenClaims;

    private Caller caller;

    public Caller current() {
        if (caller == null) {
            caller = fromToken();
        }
        return caller;
    }

    /**
     * Background work done for a user (a bulk import) runs as that user, in a request context of
     * its own: organisation kind and mandates are read now, as for a request.
     */
    public void actAs(String subject, String organisationId, Set<String> roles) {
        caller = load(subject, organisationId, roles);
    }

    private Caller fromToken() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new IllegalStateException("CallerContext used without an authenticated token");
        }
        tokenClaims.check(token);
        Object claim = token.getClaim(Roles.CLAIM_ORGANISATION);
        String organisationId = claim == null ? null : claim.toString().replace("\"", "");
        return load(token.getSubject(), organisationId, identity.getRoles());
    }

    private Caller load(String subject, String organisationId, Set<String> roles) {
        LocalDate date = today.date();
        try (Connection c = dataSource.getConnection()) {
            OrganisationKind kind = kindOf(c, organisationId, date);
            Set<String> actingFor = new LinkedHashSet<>();
            Set<String> visible = new LinkedHashSet<>(List.of(organisationId, "vdab"));
            if (kind == OrganisationKind.OCMW) {
                actingFor.add(organisationId);
                visible.addAll(ids(c, "select cluster_id from mandate where ocmw_id = ? and" + VALID_ON, organisationId, date));
            } else if (kind == OrganisationKind.CLUSTER) {
                actingFor.addAll(ids(c, "select ocmw_id from mandate where cluster_id = ? and" + VALID_ON, organisationId, date));
                visible.addAll(actingFor);
            }
            return new Caller(subject, organisationId, kind, Set.copyOf(roles), Set.copyOf(actingFor),
                    Set.copyOf(visible));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot resolve the caller's organisation", e);
        }
    }

    private static OrganisationKind kindOf(Connection c, String organisationId, LocalDate date) throws SQLException {
        if (organisationId != null) {
            try (PreparedStatement s = c.prepareStatement("select kind from organisation where id = ? and" + VALID_ON)) {
                bind(s, organisationId, date);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return OrganisationKind.valueOf(rs.getString(1));
                    }
                }
            }
        }
        throw new DomainProblem(ProblemType.UNKNOWN_ORGANISATION,
                "The token's " + Roles.CLAIM_ORGANISATION + " claim names no organisation that exists today.");
    }

    private static Set<String> ids(Connection c, String sql, String organisationId, LocalDate date) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, organisationId, date);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void bind(PreparedStatement s, String organisationId, LocalDate date) throws SQLException {
        s.setString(1, organisationId);
        s.setDate(2, Date.valueOf(date));
        s.setDate(3, Date.valueOf(date));
    }
}
