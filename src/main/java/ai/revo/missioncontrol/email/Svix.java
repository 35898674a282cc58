package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Svix's webhook signature, which Resend uses: {@code svix-signature} holds one or more space-separated
 * {@code v1,<base64 HMAC-SHA256>} values over {@code <svix-id>.<svix-timestamp>.<raw body>}, keyed by the base64
 * after the {@code whsec_} prefix of the signing secret; the timestamp must be within five minutes of our clock.
 * Checked on the raw body as received, before anything parses it; comparisons are constant-time. Pure.
 */
final class Svix {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private Svix() {}

    /** The headers' form and freshness: 401 when one is missing, malformed or the timestamp is not fresh. */
    static void checkHeaders(String id, String timestamp, String signature, Instant now) {
        if (blank(id) || blank(timestamp) || blank(signature)) {
            throw ApiException.unauthorized("svix-id, svix-timestamp and svix-signature are required");
        }
        if (id.length() > 200 || signature.length() > 2000) {
            throw ApiException.unauthorized("The Svix headers are malformed");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("svix-timestamp is not a Unix time in seconds");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw ApiException.unauthorized("svix-timestamp is more than 5 minutes from now");
        }
    }

    /** Whether one of the header's v1 signatures is the body's under this secret. */
    static boolean matches(String secret, String id, String timestamp, String signature, byte[] body) {
        byte[] key = key(secret);
        if (key == null) {
            return false;
        }
        byte[] expected = sign(key, id.trim(), timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String candidate : signature.trim().split("\\s+")) {
            int comma = candidate.indexOf(',');
            if (comma > 0 && candidate.substring(0, comma).equals("v1")) {
                // no early exit: the time taken does not tell which value, if any, matched
                ok |= MessageDigest.isEqual(
                        expected, candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return ok;
    }

    /** The base64 signature (without {@code v1,}) of a body: what Svix puts in svix-signature. */
    static String sign(byte[] key, String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(body, 0, data, prefix.length, body.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HMAC key of a {@code whsec_<base64>} secret; null when the secret is not in that form. */
    static byte[] key(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            return null;
        }
        try {
            byte[] key = Base64.getDecoder()
                    .decode(secret.substring("whsec_".length()).trim());
            return key.length == 0 ? null : key;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
