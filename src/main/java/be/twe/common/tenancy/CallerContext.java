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
 * Resolves the caller's organisation and mandates from the token, once per request and through the
 * {@link CallerCache} (a few seconds, emptied by every mandate change): an OCMW acts
 * for itself and the OCMWs that merged into it (their history), a cluster (or an OCMW that holds
 * a mandate) for the OCMWs that mandate it today and theirs. It reads
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
    @Inject
    CallerCache cache;

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
        CallerCache.Resolved resolved = cache.get(organisationId, date, () -> resolve(organisationId, date));
        return new Caller(subject, organisationId, resolved.kind(), Set.copyOf(roles), resolved.actingFor(),
                resolved.visible(), resolved.own());
    }

    private CallerCache.Resolved resolve(String organisationId, LocalDate date) {
        try (Connection c = dataSource.getConnection()) {
            OrganisationKind kind = kindOf(c, organisationId, date);
            Set<String> own = new LinkedHashSet<>();
            Set<String> visible = new LinkedHashSet<>(List.of(organisationId, "vdab"));
            if (kind == OrganisationKind.OCMW) {
                own.add(organisationId);
                own.addAll(predecessors(c, own));
                visible.addAll(ids(c, "select cluster_id from mandate where ocmw_id = ? and" + VALID_ON, organisationId, date));
            }
            // a cluster, or an OCMW that guides for another one (issue 29): the OCMWs that mandate it today
            Set<String> actingFor = new LinkedHashSet<>(own);
            if (kind != OrganisationKind.VDAB) {
                Set<String> mandating = ids(c, "select ocmw_id from mandate where cluster_id = ? and" + VALID_ON,
                        organisationId, date);
                actingFor.addAll(mandating);
                actingFor.addAll(predecessors(c, mandating));
            }
            visible.addAll(actingFor);
            return new CallerCache.Resolved(kind, Set.copyOf(actingFor), Set.copyOf(visible), Set.copyOf(own));
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
            String merged = mergedInto(c, organisationId);
            if (merged != null) {
                throw new DomainProblem(ProblemType.UNKNOWN_ORGANISATION, merged);
            }
        }
        throw new DomainProblem(ProblemType.UNKNOWN_ORGANISATION,
                "The token's " + Roles.CLAIM_ORGANISATION + " claim names no organisation that exists today.");
    }

    /** For an OCMW that merged: which OCMW now keeps its records, as the problem's detail; else null. */
    private static String mergedInto(Connection c, String organisationId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select successor_id, valid_to + 1 from organisation where id = ? and successor_id is not null")) {
            s.setString(1, organisationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? "The token's %s claim names %s, which merged into %s on %s; %s keeps its records: "
                        .formatted(Roles.CLAIM_ORGANISATION, organisationId, rs.getString(1), rs.getDate(2),
                                rs.getString(1)) + "use a token of " + rs.getString(1) + "." : null;
            }
        }
    }

    /** The OCMWs that merged, directly or through earlier mergers, into any of {@code ocmwIds}. */
    private static Set<String> predecessors(Connection c, Set<String> ocmwIds) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        if (ocmwIds.isEmpty()) {
            return ids;
        }
        try (PreparedStatement s = c.prepareStatement("""
                with recursive predecessor (id) as (
                    select id from organisation where successor_id = any(?)
                    union
                    select o.id from organisation o join predecessor p on o.successor_id = p.id)
                select id from predecessor""")) {
            s.setArray(1, c.createArrayOf("varchar", ocmwIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
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
