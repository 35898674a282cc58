package ai.revo.missioncontrol.sites;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a request comes from its site, on the raw body as received (before anything parses it), with every
 * secret that is valid now (the current one, and the previous one during a rotation). Comparisons are constant-time.
 * Pure: the caller opens the sealed secrets and gives the headers with lower-case names.
 */
final class Signatures {

    /** How far a signed timestamp may be from our clock, both ways (Standard Webhooks' and Webflow's five minutes). */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a request was refused, in words safe to answer (nothing about the secret). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private Signatures() {}

    /** A new secret in the form the provider expects: {@code whsec_<base64>} for Standard Webhooks, else random text. */
    static String newSecret(SiteAuth auth) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return auth == SiteAuth.STANDARD_WEBHOOKS
                ? "whsec_" + Base64.getEncoder().encodeToString(bytes)
                : "mcs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void verify(SiteAuth auth, Map<String, String> headers, byte[] body, List<String> secrets, Instant now)
            throws Refused {
        switch (auth) {
            case STANDARD_WEBHOOKS -> standardWebhooks(headers, body, secrets, now);
            case SHARED_SECRET -> sharedSecret(headers, secrets);
            case TYPEFORM -> typeform(headers, body, secrets);
            case WEBFLOW -> webflow(headers, body, secrets, now);
        }
    }

    private static void standardWebhooks(Map<String, String> headers, byte[] body, List<String> secrets, Instant now)
            throws Refused {
        String id = required(headers, "webhook-id");
        String timestamp = required(headers, "webhook-timestamp");
        String signatures = required(headers, "webhook-signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new Refused("webhook-timestamp is not a Unix time in seconds");
        }
        within(Instant.ofEpochSecond(seconds), now, "webhook-timestamp");
        byte[] signed = concat((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets) {
            byte[] expected = Base64.getEncoder()
                    .encodeToString(hmac(standardKey(secret), signed))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatures.trim().split("\\s+")) {
                int comma = candidate.indexOf(',');
                if (comma > 0
                        && candidate.substring(0, comma).equals("v1")
                        && MessageDigest.isEqual(
                                expected, candidate.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                    return;
                }
            }
        }
        throw new Refused("webhook-signature does not match");
    }

    private static void sharedSecret(Map<String, String> headers, List<String> secrets) throws Refused {
        byte[] given = required(headers, "x-webhook-secret").getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (String secret : secrets) {
            // no early exit: the time taken does not tell which secret, if any, matched
            ok |= MessageDigest.isEqual(sha256(secret.getBytes(StandardCharsets.UTF_8)), sha256(given));
        }
        if (!ok) {
            throw new Refused("x-webhook-secret does not match");
        }
    }

    private static void typeform(Map<String, String> headers, byte[] body, List<String> secrets) throws Refused {
        String header = required(headers, "typeform-signature").trim();
        if (!header.startsWith("sha256=")) {
            throw new Refused("Typeform-Signature must be sha256=<base64>");
        }
        byte[] given = header.substring("sha256=".length()).getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            byte[] expected = Base64.getEncoder()
                    .encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), body))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new Refused("Typeform-Signature does not match");
    }

    private static void webflow(Map<String, String> headers, byte[] body, List<String> secrets, Instant now)
            throws Refused {
        String timestamp = required(headers, "x-webflow-timestamp").trim();
        String signature = required(headers, "x-webflow-signature").trim().toLowerCase(Locale.ROOT);
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new Refused("x-webflow-timestamp is not a Unix time in milliseconds");
        }
        within(Instant.ofEpochMilli(millis), now, "x-webflow-timestamp");
        byte[] signed = concat((timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
        for (String secret : secrets) {
            byte[] expected = HexFormat.of()
                    .formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), signed))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return;
            }
        }
        throw new Refused("x-webflow-signature does not match");
    }

    /** Standard Webhooks' key: the base64 after {@code whsec_}; a secret in another form is used as its bytes. */
    static byte[] standardKey(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring("whsec_".length()));
            } catch (IllegalArgumentException notBase64) {
                // fall through: used as given
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
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

    private static void within(Instant signedAt, Instant now, String header) throws Refused {
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            throw new Refused(header + " is more than 5 minutes from now");
        }
    }

    private static String required(Map<String, String> headers, String name) throws Refused {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new Refused("The " + name + " header is missing");
        }
        return value;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
