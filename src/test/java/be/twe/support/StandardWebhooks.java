package be.twe.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification
 * (https://www.standardwebhooks.com) and independent of the API's signer: the header may carry
 * several space-separated {@code v1,<base64>} signatures, one of which must be the HMAC-SHA256 of
 * {@code id.timestamp.body} under the base64 key after {@code whsec_}. It is itself checked
 * against the specification's published example ({@code StandardWebhooksTest}).
 */
public final class StandardWebhooks {
    private StandardWebhooks() {
    }

    public static boolean verifies(String secret, String id, String timestamp, String body, String header) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : header.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
