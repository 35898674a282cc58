package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code contract.revised}: a draft contract got a new version. */
public record ContractRevised(UUID tenantId, UUID contractId, UUID dealId, int versionNumber, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "contract.revised";
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
        p.put("versionNumber", versionNumber);
        return p;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
