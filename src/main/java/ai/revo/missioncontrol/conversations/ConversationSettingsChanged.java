package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code conversation.settings_changed}: a campaign's conversation settings (auto-reply, snooze days, SMS auto-reply) were changed. */
public record ConversationSettingsChanged(
        UUID tenantId, UUID campaignId, ConversationSettingsView before, ConversationSettingsView after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "conversation.settings_changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public String entityId() {
        return campaignId.toString();
    }

    @Override
    public Object auditBefore() {
        return Map.of(
                "autoReply",
                before.autoReply(),
                "snoozeDays",
                before.snoozeDays(),
                "smsAutoReply",
                before.smsAutoReply());
    }

    @Override
    public Object auditAfter() {
        return Map.of(
                "autoReply", after.autoReply(), "snoozeDays", after.snoozeDays(), "smsAutoReply", after.smsAutoReply());
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of(
                "autoReply", after.autoReply(), "snoozeDays", after.snoozeDays(), "smsAutoReply", after.smsAutoReply());
    }
}
