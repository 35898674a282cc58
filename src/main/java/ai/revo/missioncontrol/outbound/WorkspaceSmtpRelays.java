package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Optional;

/**
 * The seam for a workspace's own SMTP relay (set in its settings by the module that owns them): when a bean of
 * this type answers a relay for a workspace, the EMAIL adapter sends that workspace's messages through it instead
 * of the installation's. The gateway's sandbox and limits apply either way.
 */
public interface WorkspaceSmtpRelays {

    /** The workspace's own relay, or empty: it sends through the installation's. Called outside transactions. */
    Optional<SmtpRelay> relayOf(TenantId tenant);

    /** Where and how to connect; {@code password} in clear only in memory (store it sealed with SecretCipher). */
    record SmtpRelay(String host, int port, String username, String password, boolean startTls) {

        @Override
        public String toString() {
            return "SmtpRelay[" + host + ":" + port + "]";
        }
    }
}
