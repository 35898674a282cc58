package ai.revo.missioncontrol.activity;

import ai.revo.missioncontrol.platform.EventCategory;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Which events a reader wants; every field is optional. {@code type} matches as a prefix ({@code safety.} matches
 * every safety event); {@code actor} matches the actor's id or its type (USER, AGENT, SYSTEM).
 */
public record EventFilter(
        String type,
        EventCategory category,
        String entityType,
        String entityId,
        UUID campaignId,
        UUID taskId,
        String actor,
        Instant since,
        Instant until) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null, null, null, null);

    public EventFilter {
        type = blankToNull(type);
        entityType = blankToNull(entityType);
        entityId = blankToNull(entityId);
        actor = blankToNull(actor);
    }

    public boolean matches(EventEnvelope e) {
        return (type == null || e.type().startsWith(type))
                && (category == null || category == e.category())
                && (entityType == null || entityType.equals(e.entityType()))
                && (entityId == null || entityId.equals(e.entityId()))
                && (campaignId == null || campaignId.equals(e.campaignId()))
                && (taskId == null || taskId.equals(e.taskId()))
                && (actor == null
                        || actor.equals(e.actor().id())
                        || actor.toUpperCase(Locale.ROOT)
                                .equals(e.actor().type().name()))
                && (since == null || !e.timestamp().isBefore(since))
                && (until == null || e.timestamp().isBefore(until));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
