package ai.revo.missioncontrol.sites;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored site event. {@code payload} is the body as the site sent it (JSON, or the text when it was not JSON);
 * {@code type} and {@code properties} are what the mapping made of it once PROCESSED; {@code error} says why it
 * FAILED or was IGNORED; {@code attempt} counts how often it was queued.
 */
public record SiteEventView(
        UUID id,
        UUID siteId,
        Instant receivedAt,
        String type,
        SiteEventStatus status,
        String error,
        UUID contactId,
        UUID leadId,
        Object payload,
        Map<String, Object> properties,
        Map<String, String> headers,
        int attempt,
        Instant processedAt) {}
