package be.twe.webhooks.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import be.twe.support.StandardWebhooks;

/**
 * Interoperability, not self-consistency: the signer reproduces the example published with the
 * Standard Webhooks specification and its reference libraries (secret, id, timestamp, payload and
 * signature as published there), and so does the tests' own receiver-side check.
 */
class StandardWebhooksTest {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String PAYLOAD = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void theSignerReproducesThePublishedExample() {
        assertEquals(SIGNATURE, Signatures.sign(SECRET, ID, TIMESTAMP, PAYLOAD));
    }

    @Test
    void theReceiverCheckAcceptsThePublishedExampleAndNothingElse() {
        assertTrue(StandardWebhooks.verifies(SECRET, ID, "1614265330", PAYLOAD, SIGNATURE));
        assertTrue(StandardWebhooks.verifies(SECRET, ID, "1614265330", PAYLOAD, "v1,bm9wZQ== " + SIGNATURE),
                "one of several signatures (key rotation)");
        assertFalse(StandardWebhooks.verifies(SECRET, ID, "1614265331", PAYLOAD, SIGNATURE));
        assertFalse(StandardWebhooks.verifies(SECRET, ID, "1614265330", "{\"test\": 2432232315}", SIGNATURE));
        assertFalse(StandardWebhooks.verifies(SECRET, "msg_other", "1614265330", PAYLOAD, SIGNATURE));
        assertFalse(StandardWebhooks.verifies(SECRET, ID, "1614265330", PAYLOAD, "v2," + SIGNATURE.substring(3)));
    }
}
