package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.util.Map;
import java.util.UUID;

/**
 * A message to hand to the outside world. {@code idempotencyKey} identifies it: submitting the same key again
 * returns the first outcome and never sends twice. {@code email} carries what only email needs (HTML part, extra
 * headers, our Message-ID, the sender); null for other channels and for plain-text emails.
 */
public record OutboundMessage(
        Channel channel,
        String to,
        String subject,
        String body,
        UUID campaignId,
        UUID leadId,
        UUID draftId,
        String idempotencyKey,
        Actor requestedBy,
        EmailParts email) {

    public OutboundMessage(
            Channel channel,
            String to,
            String subject,
            String body,
            UUID campaignId,
            UUID leadId,
            UUID draftId,
            String idempotencyKey,
            Actor requestedBy) {
        this(channel, to, subject, body, campaignId, leadId, draftId, idempotencyKey, requestedBy, null);
    }

    /**
     * The email-only parts: {@code html} (may be null: text only), extra {@code headers} (e.g. List-Unsubscribe),
     * the RFC 5322 {@code messageId} to use (with angle brackets) and the {@code from} address.
     */
    public record EmailParts(String html, Map<String, String> headers, String messageId, String from) {

        public EmailParts {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }
}
