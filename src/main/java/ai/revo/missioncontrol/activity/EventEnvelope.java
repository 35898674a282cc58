package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One event as the feed, the live streams and the dashboard show it. {@code seq} is the cursor. */
public record EventEnvelope(
        UUID id,
        long seq,
        String type,
        EventCategory category,
        String entityType,
        String entityId,
        UUID taskId,
        UUID campaignId,
        Actor actor,
        Instant timestamp,
        Map<String, Object> payload) {}
