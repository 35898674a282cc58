package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A draft as the API shows it; {@code version} is the number of its current content version; {@code sources} the
 * knowledge passages it was written from (empty when none).
 */
public record DraftView(
        UUID id,
        UUID campaignId,
        UUID leadId,
        Channel channel,
        String subject,
        String bodyText,
        String bodyHtml,
        DraftStatus status,
        Actor author,
        Map<String, Object> checks,
        List<DraftSource> sources,
        BigDecimal confidence,
        Priority priority,
        int version,
        String notes,
        Instant submittedAt,
        Instant decidedAt,
        Instant createdAt,
        Instant updatedAt,
        long etag) {}
