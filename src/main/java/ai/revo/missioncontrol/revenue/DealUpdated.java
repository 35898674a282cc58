package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** {@code deal.updated}: a deal's fields changed (not its stage); {@code before}/{@code after} hold those fields. */
public record DealUpdated(
        UUID tenantId, UUID dealId, Map<String, Object> before, Map<String, Object> after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "deal.updated";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "deal";
    }

    @Override
    public String entityId() {
        return dealId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("changed", after.keySet());
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
