package be.twe.common.security;

import java.security.Permission;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * A held identity tied to the request that sent its token again: everything is the held one's but
 * the request's routing context. A wrapper of two fields, where rebuilding the identity copied its
 * roles, credentials and attributes at every request (issue 30).
 */
final class RequestIdentity implements SecurityIdentity {
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private final SecurityIdentity held;
    private final RoutingContext context;

    RequestIdentity(SecurityIdentity held, RoutingContext context) {
        this.held = held;
        this.context = context;
    }

    /** The identity that was verified, never a request's wrapper. */
    SecurityIdentity held() {
        return held;
    }

    @Override
    public Principal getPrincipal() {
        return held.getPrincipal();
    }

    @Override
    public boolean isAnonymous() {
        return held.isAnonymous();
    }

    @Override
    public Set<String> getRoles() {
        return held.getRoles();
    }

    @Override
    public boolean hasRole(String role) {
        return held.hasRole(role);
    }

    @Override
    public <T extends Credential> T getCredential(Class<T> type) {
        return held.getCredential(type);
    }

    @Override
    public Set<Credential> getCredentials() {
        return held.getCredentials();
    }

    @Override
    public Set<Permission> getPermissions() {
        return held.getPermissions();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return ROUTING_CONTEXT.equals(name) ? (T) context : held.getAttribute(name);
    }

    @Override
    public Map<String, Object> getAttributes() {
        Map<String, Object> attributes = new HashMap<>(held.getAttributes());
        attributes.put(ROUTING_CONTEXT, context);
        return attributes;
    }

    @Override
    public Uni<Boolean> checkPermission(Permission permission) {
        return held.checkPermission(permission);
    }
}
