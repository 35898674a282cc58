package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply to one of our emails was recorded (the webhook's {@code email.replied}, as a typed fact for other
 * modules). Carries ids only: read the reply through {@link EmailReplies}. Not a feed event itself: the feed shows
 * {@code email.replied}.
 */
public record ReplyReceived(
        UUID tenantId, UUID replyId, UUID emailId, UUID leadId, UUID campaignId, Instant receivedAt) {}
