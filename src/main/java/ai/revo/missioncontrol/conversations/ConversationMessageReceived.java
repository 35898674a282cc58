package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code conversation.message_received}: A person wrote in a conversation: it waits for someone to answer (TO_ANSWER).
 * {@code channel} is the conversation's (EMAIL, WHATSAPP).
 */
public record ConversationMessageReceived(
        UUID tenantId,
        UUID conversationId,
        UUID messageId,
        UUID campaignId,
        UUID contactId,
        ConversationStatus before,
        String participant,
        Actor actor,
        ai.revo.missioncontrol.safety.Channel channel)
        implements MissionEvent {

    @Override
    public String type() {
        return "conversation.message_received";
    }

    @Override
    public EventCategory category() {
        return EventCategory.INBOUND;
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
        return Map.of("status", "TO_ANSWER");
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
        if (contactId != null) { // a simulator conversation has no contact
            payload.put("contactId", contactId.toString());
        }
        payload.put("status", "TO_ANSWER");
        payload.put("channel", channel == null ? null : channel.name());
        return payload;
    }
}
