package ai.revo.missioncontrol.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (standardwebhooks.com): the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>},
 * HMAC-SHA256 with the secret's key (the base64 after {@code whsec_}), sent as {@code v1,<base64>}; during a rotation
 * one signature per valid secret, separated by a space, so a receiver holding either secret verifies.
 */
final class WebhookSigning {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final String PREFIX = "whsec_";

    private WebhookSigning() {}

    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static String signatures(List<String> secrets, String webhookId, long timestamp, byte[] body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, webhookId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String webhookId, long timestamp, byte[] body) {
        byte[] prefix = (webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
