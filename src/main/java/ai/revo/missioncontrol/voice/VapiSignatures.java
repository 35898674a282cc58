package ai.revo.missioncontrol.voice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a Vapi server message proves it comes from the site's Vapi account, checked on the raw body before anything
 * parses it: the server secret in {@code X-Vapi-Secret}, or Vapi's HMAC credential ({@code x-signature}: HMAC-SHA256
 * of {@code <x-timestamp>.<body>}, hex by default or base64, optionally prefixed {@code sha256=}; the timestamp in
 * Unix seconds or milliseconds within five minutes). Pure; comparisons are constant-time.
 */
final class VapiSignatures {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Why a request cannot be checked at all (no credential header, a stale or unreadable timestamp). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private VapiSignatures() {}

    /** What a secret of the site must satisfy for this request; headers keyed by lower-case name. */
    static Predicate<String> check(Map<String, String> headers, byte[] body, Instant now) throws Refused {
        String given = headers.get("x-vapi-secret");
        if (given != null && !given.isBlank()) {
            byte[] digest = sha256(given.trim().getBytes(StandardCharsets.UTF_8));
            return secret -> MessageDigest.isEqual(sha256(secret.getBytes(StandardCharsets.UTF_8)), digest);
        }
        String signature = headers.get("x-signature");
        if (signature == null || signature.isBlank()) {
            throw new Refused("X-Vapi-Secret or x-signature is required");
        }
        String timestamp = headers.get("x-timestamp");
        if (timestamp == null || timestamp.isBlank()) {
            throw new Refused("x-timestamp is required with x-signature");
        }
        long value;
        try {
            value = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new Refused("x-timestamp is not a Unix time");
        }
        Instant signedAt = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new Refused("x-timestamp is more than 5 minutes from now");
        }
        String sig = signature.trim();
        if (sig.regionMatches(true, 0, "sha256=", 0, 7)) {
            sig = sig.substring(7);
        }
        byte[] givenBytes = sig.getBytes(StandardCharsets.US_ASCII);
        byte[] givenHex = sig.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        byte[] signed = concat((timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body);
        return secret -> {
            byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8), signed);
            boolean hex =
                    MessageDigest.isEqual(HexFormat.of().formatHex(mac).getBytes(StandardCharsets.US_ASCII), givenHex);
            boolean base64 = MessageDigest.isEqual(
                    Base64.getEncoder().encodeToString(mac).getBytes(StandardCharsets.US_ASCII), givenBytes);
            return hex | base64;
        };
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
