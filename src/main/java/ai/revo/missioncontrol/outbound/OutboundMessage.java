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
        EmailParts email,
        WhatsAppParts whatsapp) {

    public OutboundMessage(
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
        this(channel, to, subject, body, campaignId, leadId, draftId, idempotencyKey, requestedBy, email, null);
    }

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
        this(channel, to, subject, body, campaignId, leadId, draftId, idempotencyKey, requestedBy, null, null);
    }

    /**
     * The email-only parts: {@code html} (may be null: text only), extra {@code headers} (e.g. List-Unsubscribe),
     * the RFC 5322 {@code messageId} to use (with angle brackets) and the {@code from} address.
     */
    public record EmailParts(
            String html,
            Map<String, String> headers,
            String messageId,
            String from,
            java.util.List<Attachment> attachments) {

        public EmailParts {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
            long size = 0;
            for (Attachment a : attachments) {
                size += a.content().length;
            }
            if (size > Attachment.MAX_TOTAL_BYTES) {
                throw new IllegalArgumentException("The attachments exceed " + Attachment.MAX_TOTAL_BYTES + " bytes");
            }
        }

        public EmailParts(String html, Map<String, String> headers, String messageId, String from) {
            this(html, headers, messageId, from, java.util.List.of());
        }
    }

    /**
     * A file attached to an email: its {@code filename} (no path, no line breaks), MIME {@code contentType} and
     * bytes. At most {@link #MAX_TOTAL_BYTES} for all of a message's attachments together.
     */
    public record Attachment(String filename, String contentType, byte[] content) {

        public static final long MAX_TOTAL_BYTES = 10L * 1024 * 1024;

        public Attachment {
            if (filename == null
                    || filename.isBlank()
                    || filename.length() > 200
                    || filename.chars().anyMatch(c -> c < 0x20 || c == '/' || c == '\\')) {
                throw new IllegalArgumentException("An attachment needs a plain file name");
            }
            if (contentType == null || !contentType.matches("[a-z]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("An attachment needs a content type such as application/pdf");
            }
            if (content == null || content.length == 0) {
                throw new IllegalArgumentException("An attachment needs content");
            }
        }
    }

    /**
     * The WhatsApp-only parts: a template message ({@code templateName}, {@code language}, the body's
     * {@code parameters} in order). Null for a free-text message, which only goes out within the 24-hour
     * customer-care window.
     */
    public record WhatsAppParts(String templateName, String language, java.util.List<String> parameters) {

        public WhatsAppParts {
            parameters = parameters == null ? java.util.List.of() : java.util.List.copyOf(parameters);
        }

        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isTemplate() {
            return templateName != null && !templateName.isBlank();
        }

        private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
                new com.fasterxml.jackson.databind.ObjectMapper();

        /** Stored with the message as JSON. */
        String encoded() {
            try {
                return JSON.writeValueAsString(this);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        static WhatsAppParts decode(String encoded) {
            if (encoded == null || encoded.isEmpty()) {
                return null;
            }
            try {
                return JSON.readValue(encoded, WhatsAppParts.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
