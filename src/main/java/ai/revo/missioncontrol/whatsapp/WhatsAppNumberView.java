package ai.revo.missioncontrol.whatsapp;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A connected number (its {@code snoozePhrases}: what a person writes to be contacted later) as the settings show it. The access token, app secret and verify token are never shown: only
 * their last four characters. {@code tokenRejectedAt} is when Meta last refused the token (error 190): the number
 * sends nothing until it is replaced. {@code lastTest*} is the latest "test connection".
 */
public record WhatsAppNumberView(
        String phoneNumberId,
        String businessAccountId,
        String displayNumber,
        UUID campaignId,
        String accessTokenLastFour,
        String appSecretLastFour,
        String verifyTokenLastFour,
        List<String> stopKeywords,
        double sentimentThreshold,
        Instant tokenRejectedAt,
        Instant lastTestAt,
        Boolean lastTestOk,
        String lastTestMessage,
        Instant updatedAt,
        List<String> snoozePhrases) {}
