package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.secrets.InstallationSecrets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the tokens of tracking links (pixel, click redirect, unsubscribe): HMAC-SHA256 over the purpose,
 * the workspace, the email and (for clicks) the URL, so nobody can record an open for another email or redirect
 * elsewhere. The key is MC_TRACKING_SECRET, else derived from MC_JWT_SECRET, else the installation's shared
 * {@code email.tracking} secret kept (sealed) in the database, so a link sent by one node opens on every other (an
 * installation upgraded from a version that generated {@code MC_DATA_DIR/tracking-secret} stores that one, so links
 * already sent keep working). The same input always gives the same token, so a retried email is byte-identical.
 */
@Component
class TrackingTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final int MAX_TOKEN = 8192;

    private final byte[] key;

    TrackingTokens(
            @Value("${mc.email.tracking-secret:${MC_TRACKING_SECRET:}}") String trackingSecret,
            @Value("${mc.security.jwt-secret:}") String jwtSecret,
            @Value("${mc.data-dir:./data}") Path dataDir,
            InstallationSecrets installationSecrets) {
        this.key = key(trackingSecret, jwtSecret, dataDir, installationSecrets);
    }

    String sign(TrackingToken.Purpose purpose, TenantId tenant, UUID emailId, String url) {
        String payload = purpose.name().charAt(0) + "|" + tenant + "|" + emailId + (url == null ? "" : "|" + url);
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(bytes) + "." + B64.encodeToString(hmac(key, bytes));
    }

    Optional<TrackingToken> read(String token, TrackingToken.Purpose expected) {
        if (token == null || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = B64D.decode(token.substring(0, dot));
            byte[] signature = B64D.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, hmac(key, payload))) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length < 3 || parts[0].charAt(0) != expected.name().charAt(0)) {
                return Optional.empty();
            }
            String url = parts.length == 4 ? parts[3] : null;
            if (expected == TrackingToken.Purpose.CLICK && !isWebUrl(url)) {
                return Optional.empty();
            }
            return Optional.of(new TrackingToken(expected, TenantId.of(parts[1]), UUID.fromString(parts[2]), url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Only http and https links are tracked (never mailto:, javascript: or anchors). */
    static boolean isWebUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = URI.create(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] key(
            String trackingSecret, String jwtSecret, Path dataDir, InstallationSecrets installationSecrets) {
        if (trackingSecret != null && !trackingSecret.isBlank()) {
            if (trackingSecret.length() < 32) {
                throw new IllegalStateException("MC_TRACKING_SECRET must be at least 32 characters long");
            }
            return trackingSecret.getBytes(StandardCharsets.UTF_8);
        }
        if (jwtSecret != null && !jwtSecret.isBlank()) {
            // a key of its own, so a tracking token can never be mistaken for anything signed with the JWT key
            return hmac(
                    jwtSecret.getBytes(StandardCharsets.UTF_8),
                    "mission-control email tracking".getBytes(StandardCharsets.UTF_8));
        }
        return installationSecrets.shared("email.tracking", () -> earlierFileOrNew(dataDir.resolve("tracking-secret")));
    }

    /** The key an earlier version generated into the data directory, else a new random one (never written). */
    private static byte[] earlierFileOrNew(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the earlier tracking secret at " + file, e);
        }
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
