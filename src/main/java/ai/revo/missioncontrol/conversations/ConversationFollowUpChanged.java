package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code conversation.snoozed}: a person asked to be contacted later and a follow-up was scheduled; or
 * {@code conversation.follow_up_recorded}: what became of the follow-up (cancelled, written, sent ...).
 */
public record ConversationFollowUpChanged(
        UUID tenantId, UUID conversationId, UUID followUpId, FollowUpStatus status, String dueAt, String reason)
        implements MissionEvent {

    @Override
    public String type() {
        return status == FollowUpStatus.SCHEDULED ? "conversation.snoozed" : "conversation.follow_up_recorded";
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
    public Actor actor() {
        return Actor.system();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("followUpId", followUpId.toString());
        payload.put("status", status.name());
        payload.put("dueAt", dueAt);
        payload.put("reason", reason);
        return payload;
    }
}
