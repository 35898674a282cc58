package ai.revo.missioncontrol.sending;

import java.time.Instant;
import java.util.UUID;

/**
 * A sender identity: the From of the workspace's emails ({@code displayName <address>}), where replies go
 * ({@code replyTo}, null: to the address) and the signature added below the message when it is sent (null: none).
 * {@code isDefault}: used when neither the request nor the campaign names a sender.
 */
public record SenderIdentityView(
        UUID id,
        String displayName,
        String address,
        String replyTo,
        String signature,
        boolean isDefault,
        Instant updatedAt) {

    /**
     * The From header's value, {@code "Display Name" <address>}: the name quoted (RFC 5322), or encoded as UTF-8
     * (RFC 2047) when it is not plain ASCII.
     */
    public String fromHeader() {
        boolean ascii = displayName.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        String name = ascii
                ? "\"" + displayName.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                : "=?UTF-8?B?"
                        + java.util.Base64.getEncoder()
                                .encodeToString(displayName.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        + "?=";
        return name + " <" + address + ">";
    }
}
