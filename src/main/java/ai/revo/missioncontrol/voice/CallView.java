package ai.revo.missioncontrol.voice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A call as clients and pages read it. {@code providerCallId} is Vapi's call id; {@code durationSeconds} is computed
 * from {@code startedAt} and {@code endedAt}; {@code transcript} is left out of lists (null there); {@code reportedAt}
 * is when the end-of-call report arrived (null while the call is going on); {@code cost} in USD as Vapi reports it.
 */
public record CallView(
        UUID id,
        UUID siteId,
        String providerCallId,
        String callerNumber,
        String callerName,
        String status,
        Instant startedAt,
        Instant endedAt,
        Long durationSeconds,
        String endedReason,
        BigDecimal cost,
        String summary,
        String transcript,
        String recordingUrl,
        String callbackAt,
        String callbackNote,
        UUID contactId,
        UUID leadId,
        Instant reportedAt,
        Instant createdAt,
        Instant updatedAt) {}
