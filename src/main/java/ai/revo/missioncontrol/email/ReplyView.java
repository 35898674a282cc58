package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply as the webhook recorded it. {@code fromEmail} and {@code messageId} (the reply's own RFC 5322 Message-ID)
 * are null when the provider did not say.
 */
public record ReplyView(
        UUID id,
        UUID emailId,
        String subject,
        String bodyText,
        String fromEmail,
        String messageId,
        Instant receivedAt) {}
