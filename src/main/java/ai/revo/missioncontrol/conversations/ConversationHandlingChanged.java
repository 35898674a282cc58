package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code conversation.taken_over}: a person took the conversation over from the AI (HUMAN); or
 * {@code conversation.handed_back}: they handed it back (OPEN).
 */
public record ConversationHandlingChanged(
        UUID tenantId,
        UUID conversationId,
        UUID campaignId,
        ConversationStatus before,
        ConversationStatus after,
        String assignee,
        String participant,
        boolean takenOver,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return takenOver ? "conversation.taken_over" : "conversation.handed_back";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "conversation";
    }

    @Override
    public String entityId() {
        return conversationId.toString();
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", before.name());
    }

    @Override
    public Object auditAfter() {
        return Map.of("status", after.name());
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("participant", participant);
        payload.put("before", before.name());
        payload.put("status", after.name());
        if (assignee != null) {
            payload.put("assignee", assignee);
        }
        return payload;
    }
}
