package ai.revo.missioncontrol.sites;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A site as clients and pages read it. {@code endpoint} is the path its requests go to ({@code /api/v1/ingest/<siteKey>});
 * {@code secretLastFour} shows which secret is set without showing it; {@code previousSecretValidUntil} is set while a
 * rotated-out secret still verifies. {@code silentAfter} is an ISO-8601 duration ({@code PT2H}); {@code eventsToday}
 * counts the events received since midnight UTC (list only, else 0).
 */
public record SiteView(
        UUID id,
        String name,
        String url,
        String purpose,
        List<String> dataTypes,
        SiteConnection connection,
        SiteAuth auth,
        String siteKey,
        String endpoint,
        UUID campaignId,
        SiteStatus status,
        Instant lastEventAt,
        Instant silentSince,
        String silentAfter,
        String secretLastFour,
        Instant previousSecretValidUntil,
        SiteMapping mapping,
        long eventsToday,
        Instant createdAt,
        Instant updatedAt) {

    public long silentAfterMinutes() {
        return Duration.parse(silentAfter).toMinutes();
    }

    SiteView withEventsToday(long count) {
        return new SiteView(
                id,
                name,
                url,
                purpose,
                dataTypes,
                connection,
                auth,
                siteKey,
                endpoint,
                campaignId,
                status,
                lastEventAt,
                silentSince,
                silentAfter,
                secretLastFour,
                previousSecretValidUntil,
                mapping,
                count,
                createdAt,
                updatedAt);
    }
}
