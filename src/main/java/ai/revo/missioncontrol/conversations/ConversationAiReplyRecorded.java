package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code conversation.ai_reply_recorded}: what became of the AI's reply to a person's message was recorded (waiting
 * for approval, sent, discarded, rejected, not written, failed), with the reason a person reads.
 */
public record ConversationAiReplyRecorded(
        UUID tenantId,
        UUID conversationId,
        UUID messageId,
        UUID replyId,
        AiReplyStatus status,
        UUID draftId,
        String reason)
        implements MissionEvent {

    @Override
    public String type() {
        return "conversation.ai_reply_recorded";
    }

    @Override
    public EventCategory category() {
        return EventCategory.THINKING;
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
        payload.put("messageId", messageId.toString());
        payload.put("replyId", replyId.toString());
        payload.put("status", status.name());
        payload.put("draftId", draftId == null ? null : draftId.toString());
        payload.put("reason", reason);
        return payload;
    }
}
