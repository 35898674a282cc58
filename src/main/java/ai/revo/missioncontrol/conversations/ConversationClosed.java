package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code conversation.closed}: A person closed a conversation: it no longer waits for anyone. */
public record ConversationClosed(
        UUID tenantId, UUID conversationId, UUID campaignId, ConversationStatus before, String participant, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "conversation.closed";
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
    public Object auditAfter() {
        return Map.of("status", "CLOSED");
    }

    @Override
    public Object auditBefore() {
        return Map.of("status", before.name());
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("participant", participant);
        payload.put("before", before.name());
        payload.put("status", "CLOSED");
        return payload;
    }
}
