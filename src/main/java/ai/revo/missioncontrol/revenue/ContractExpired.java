package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code contract.expired}: a sent contract passed its last day unsigned. */
public record ContractExpired(UUID tenantId, UUID contractId, UUID dealId, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "contract.expired";
    }

    @Override
    public EventCategory category() {
        return EventCategory.COMMERCE;
    }

    @Override
    public String entityType() {
        return "contract";
    }

    @Override
    public String entityId() {
        return contractId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("dealId", dealId == null ? null : dealId.toString());
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
