package be.twe.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/** Hands every identity quarkus-oidc verified from a bearer token to {@link VerifiedTokens}. */
@ApplicationScoped
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {
    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MIN_VALUE; // after any augmentor that changes the identity
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            tokens.keep(identity);
        }
        return Uni.createFrom().item(identity);
    }
}
