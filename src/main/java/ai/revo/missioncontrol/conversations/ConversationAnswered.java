package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code conversation.answered}: A person answered in a conversation: the answer is queued through the email pipeline and nothing waits (OPEN). */
public record ConversationAnswered(
        UUID tenantId,
        UUID conversationId,
        UUID messageId,
        UUID emailId,
        UUID campaignId,
        ConversationStatus before,
        String participant,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "conversation.answered";
    }

    @Override
    public EventCategory category() {
        return EventCategory.OUTBOUND;
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
        return Map.of("status", "OPEN");
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
        payload.put("messageId", messageId.toString());
        if (emailId != null) {
            payload.put("emailId", emailId.toString());
        }
        payload.put("status", "OPEN");
        return payload;
    }
}
