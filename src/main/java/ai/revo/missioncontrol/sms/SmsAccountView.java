package ai.revo.missioncontrol.sms;

import java.time.Instant;

/**
 * A workspace's Twilio account as others and the pages read it: never the auth token, only its last four
 * characters; the webhook URL to give Twilio (status callbacks and incoming messages).
 */
public record SmsAccountView(
        String accountSid,
        String authTokenLast4,
        String messagingServiceSid,
        String fromNumber,
        String webhookUrl,
        Instant updatedAt) {}
