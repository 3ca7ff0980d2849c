package be.twe.common.security;

import static be.twe.support.Api.invalid;
import static be.twe.support.Problems.problem;
import static be.twe.support.Api.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import be.twe.support.Registrations;
import be.twe.support.TestData;
import be.twe.support.Tokens;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A token's signature is checked once (issue 20): the next requests with the same token find it
 * verified, and anything that is not exactly that token is verified again (and refused).
 */
@QuarkusTest
class VerifiedTokensTest {
    @Inject
    TestData data;
    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void aTokenIsVerifiedOnceAndAnAlteredCopyIsStillRefused() {
        String ocmw = data.newOcmw();
        String trajectory = Registrations.trajectory(ocmw, ocmw, data.accreditedCoach(ocmw), "2024-01-01");
        String token = Tokens.token(ocmw, "coach");
        long before = verifiedTokens.hits();
        for (int i = 0; i < 3; i++) {
            plain().header("Authorization", "Bearer " + token).get("/trajectories/" + trajectory)
                    .then().statusCode(200);
        }
        assertEquals(before + 2, verifiedTokens.hits(), "the second and third request found the token verified");
        // what is kept stays the identity quarkus-oidc made, not a copy of a copy per request
        SecurityIdentity kept = verifiedTokens.held(token);
        plain().header("Authorization", "Bearer " + token).get("/trajectories/" + trajectory).then().statusCode(200);
        assertSame(kept, verifiedTokens.held(token));
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        problem(invalid(plain()).header("Authorization", "Bearer " + otherSignature)
                .get("/trajectories/" + trajectory).then(), 401, "unauthenticated");
        String otherClaims = Tokens.token(data.newOcmw(), "coach").split("\\.")[1];
        problem(invalid(plain()).header("Authorization", "Bearer " + parts[0] + "." + otherClaims + "." + parts[2])
                .get("/trajectories/" + trajectory).then(), 401, "unauthenticated");
    }
}
