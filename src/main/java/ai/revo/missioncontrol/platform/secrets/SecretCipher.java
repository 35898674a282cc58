package ai.revo.missioncontrol.platform.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets kept in the database (provider tokens, SMTP passwords, generated signing keys) with AES-256-GCM
 * under the installation key: {@code MC_SECRETS_KEY} when set (the same value on every node), otherwise a key
 * generated once into {@code MC_DATA_DIR/secrets-key} with owner-only permissions (right for one node).
 *
 * <p>Each sealed value is {@code v1:<key id>:<base64url(nonce | ciphertext | tag)>}. The {@code context} passed to
 * {@link #seal} and {@link #open} is authenticated data (for example {@code "whatsapp.token:<tenant>"}), so a sealed
 * value copied into another row or another workspace does not open. Keys listed in {@code MC_SECRETS_PREVIOUS_KEYS}
 * still open older values, which lets an operator rotate the installation key: set the new key, move the old one to
 * the previous list, and values are re-sealed under the new key as they are next written.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Key current;
    private final Map<String, Key> keys = new LinkedHashMap<>();

    private record Key(String id, SecretKeySpec spec) {}

    SecretCipher(
            @Value("${mc.secrets.key:}") String configured,
            @Value("${mc.secrets.previous-keys:}") String previous,
            @Value("${mc.data-dir:./data}") Path dataDir) {
        this.current = key(configured == null || configured.isBlank() ? generatedKey(dataDir) : configured.trim());
        keys.put(current.id(), current);
        for (String old : previous == null ? new String[0] : previous.split(",")) {
            if (!old.isBlank()) {
                Key k = key(old.trim());
                keys.putIfAbsent(k.id(), k);
            }
        }
    }

    /** Seals {@code plaintext} (not null) bound to {@code context} (not null; e.g. purpose and tenant). */
    public String seal(String plaintext, String context) {
        if (plaintext == null || context == null) {
            throw new IllegalArgumentException("plaintext and context are required");
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return VERSION + ":" + current.id() + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a secret", e);
        }
    }

    /**
     * Opens a value sealed by {@link #seal} with the same {@code context}. Throws {@link SecretUnreadable} when the
     * value was sealed under a key this node does not have, for another context, or was altered.
     */
    public String open(String sealed, String context) {
        if (sealed == null || context == null) {
            throw new IllegalArgumentException("sealed and context are required");
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretUnreadable("not a sealed secret");
        }
        Key key = keys.get(parts[1]);
        if (key == null) {
            throw new SecretUnreadable("sealed under an installation key this node does not have (MC_SECRETS_KEY)");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(parts[2]);
            if (in.length <= NONCE_BYTES) {
                throw new SecretUnreadable("truncated");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key.spec(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(in, 0, NONCE_BYTES)));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SecretUnreadable("altered, or sealed for another purpose");
        }
    }

    /** Whether {@code sealed} was sealed under the current key (false means: re-seal it when next written). */
    public boolean isCurrent(String sealed) {
        return sealed != null && sealed.startsWith(VERSION + ":" + current.id() + ":");
    }

    /** The last four characters of a secret, for showing that one is set without showing it; "" when blank. */
    public static String lastFour(String secret) {
        if (secret == null || secret.isBlank()) {
            return "";
        }
        return secret.length() <= 4 ? "****" : secret.substring(secret.length() - 4);
    }

    private static Key key(String material) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(material);
        } catch (IllegalArgumentException notBase64) {
            bytes = null;
        }
        if (bytes == null || bytes.length != 32) {
            if (material.length() < 32) {
                throw new IllegalStateException(
                        "MC_SECRETS_KEY must be 32 bytes in base64 or a passphrase of at least 32 characters");
            }
            bytes = sha256(material.getBytes(StandardCharsets.UTF_8));
        }
        String id = HexFormat.of().formatHex(sha256(bytes)).substring(0, 8);
        return new Key(id, new SecretKeySpec(bytes, "AES"));
    }

    private static String generatedKey(Path dataDir) {
        Path file = dataDir.resolve("secrets-key");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            writeOwnerOnly(file, encoded);
            log.info(
                    "Generated the installation key for secrets at rest in {} (set MC_SECRETS_KEY on every node "
                            + "when running more than one)",
                    file);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }

    /** Writes a new file readable and writable by its owner only (0600 where the file system has POSIX modes). */
    public static void writeOwnerOnly(Path file, String content) throws IOException {
        List<StandardOpenOption> options =
                new ArrayList<>(List.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            options.remove(StandardOpenOption.CREATE_NEW);
        } catch (UnsupportedOperationException noPosix) {
            // not a POSIX file system: the file is created below with the platform's defaults
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, options.toArray(StandardOpenOption[]::new));
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
