package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A product's picture: its bytes, the type read from those bytes (JPEG, PNG or WebP; never the name or the declared
 * type, so a renamed file is refused), and the SHA-256 of the bytes, which is its ETag.
 */
public record ProductImage(String contentType, byte[] bytes, String etag, Instant updatedAt) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** The picture in {@code bytes}; 400 when empty, 413 over 5 MB, 415 when the content is no JPEG, PNG or WebP. */
    static ProductImage of(byte[] bytes, Instant now) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.invalidField("file", "is empty: choose a JPEG, PNG or WebP picture");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The picture is larger than 5 MB",
                    Map.of("fields", List.of(Map.of("field", "file", "message", "is larger than 5 MB"))));
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "The file is not a JPEG, PNG or WebP picture (its content was read, not its name)",
                    Map.of(
                            "fields",
                            List.of(Map.of("field", "file", "message", "must be a JPEG, PNG or WebP picture"))));
        }
        return new ProductImage(type, bytes, sha256(bytes), now);
    }

    /** The type the content shows, or null: JPEG (FF D8 FF), PNG (its 8-byte signature), WebP (RIFF....WEBP + VP8). */
    static String sniff(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length > 16 && startsWith(b, png, 0)) {
            return "image/png";
        }
        if (b.length >= 16
                && startsWith(b, "RIFF".getBytes(StandardCharsets.US_ASCII), 0)
                && startsWith(b, "WEBPVP8".getBytes(StandardCharsets.US_ASCII), 8)) {
            return "image/webp";
        }
        return null;
    }

    private static boolean startsWith(byte[] b, byte[] prefix, int at) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
