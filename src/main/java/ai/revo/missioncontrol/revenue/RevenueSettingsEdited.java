package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code settings.revenue.edited}: an admin changed the discount cap or the seller's invoice details. */
public record RevenueSettingsEdited(UUID tenantId, RevenueSettingsView before, RevenueSettingsView after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "settings.revenue.edited";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "settings";
    }

    @Override
    public String entityId() {
        return "revenue";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("maxDiscountPercent", after.maxDiscountPercent().toPlainString());
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
