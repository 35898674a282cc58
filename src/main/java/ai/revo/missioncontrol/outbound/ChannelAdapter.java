package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;

/**
 * Sends messages of one channel through its provider. Only the outbound gateway calls adapters (an architecture
 * test enforces it); real adapters arrive with their channel's issue.
 */
public interface ChannelAdapter {

    Channel channel();

    /** Whether this workspace has what the provider needs (credentials, sender...). */
    boolean isConfigured(TenantId tenant);

    /** Sends one message. Runs outside any database transaction; may be slow. Throws when the provider fails. */
    Delivery send(TenantId tenant, OutboundMessage message) throws Exception;

    /**
     * The provider may or may not have accepted the message: it was handed over whole and no answer came (a timeout
     * or a reset after the SMTP data ended, say). The gateway records it UNKNOWN, never FAILED, so nothing retries it
     * blindly; a person decides.
     */
    final class OutcomeUnknown extends Exception {
        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A refusal known before anything is sent (WhatsApp: free text outside the 24-hour customer-care window),
     * recorded by the gateway as its own status; empty when the message may go. Runs inside the gateway's deciding
     * transaction: reads only, no slow I/O.
     */
    default java.util.Optional<Refusal> refusalBeforeSending(TenantId tenant, OutboundMessage message) {
        return java.util.Optional.empty();
    }

    /** Why the adapter will not send a message, as a status of its own and a sentence for a person. */
    record Refusal(OutboundStatus status, String reason) {}

    /** What the provider answered. */
    record Delivery(String providerMessageId, String response) {}
}
