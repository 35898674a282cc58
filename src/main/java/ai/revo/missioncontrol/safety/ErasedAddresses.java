package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.platform.secrets.InstallationSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The keyed hash (HMAC-SHA256 under an installation secret shared by every node) an erased person's address is kept
 * as on the suppression list: it still matches when someone tries to reach them again, and cannot be reversed or
 * guessed from a list of addresses without the key.
 */
@Component
class ErasedAddresses {

    static final String PREFIX = "hash:";

    private final InstallationSecrets secrets;
    private final org.springframework.transaction.support.TransactionTemplate ownTransaction;
    private volatile byte[] key;

    ErasedAddresses(
            InstallationSecrets secrets, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.secrets = secrets;
        // the key may be created on first use, which can be inside a caller's read-only transaction
        this.ownTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Reads (or creates) the key once the node is up, so suppression checks never have to. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void warmUp() {
        key();
    }

    /** The stored form of a normalised address: {@code hash:} and 64 hex digits. */
    String stored(String normalised) {
        return PREFIX + hash(normalised);
    }

    String hash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = ownTransaction.execute(s -> secrets.shared("privacy-erasure-key", () -> {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                return fresh;
            }));
            key = k;
        }
        return k;
    }
}
