package ai.revo.missioncontrol.safety;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code suppression.added} or {@code suppression.removed}. */
public record SuppressionChanged(UUID tenantId, String type, SuppressionView suppression, Actor actor)
        implements MissionEvent {

    static SuppressionChanged added(SuppressionView s, UUID tenant, Actor actor) {
        return new SuppressionChanged(tenant, "suppression.added", s, actor);
    }

    static SuppressionChanged removed(SuppressionView s, UUID tenant, Actor actor) {
        return new SuppressionChanged(tenant, "suppression.removed", s, actor);
    }

    @Override
    public EventCategory category() {
        return EventCategory.SAFETY;
    }

    @Override
    public String entityType() {
        return "suppression";
    }

    @Override
    public String entityId() {
        return suppression.id().toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of(
                "channel",
                suppression.channel().name(),
                "address",
                suppression.address(),
                "reason",
                suppression.reason());
    }

    @Override
    public Object auditBefore() {
        return type.endsWith("removed") ? suppression : null;
    }

    @Override
    public Object auditAfter() {
        return type.endsWith("added") ? suppression : null;
    }
}
