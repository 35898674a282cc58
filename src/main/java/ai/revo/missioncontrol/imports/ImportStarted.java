package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code import.started}: a person started an import; it now runs in the background. */
public record ImportStarted(UUID tenantId, UUID importId, String fileName, Map<String, Object> counts, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "import.started";
    }

    @Override
    public EventCategory category() {
        return "FAILED".equals(counts.get("status")) ? EventCategory.ERROR : EventCategory.INBOUND;
    }

    @Override
    public String entityType() {
        return "import";
    }

    @Override
    public String entityId() {
        return importId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>(counts);
        payload.put("fileName", fileName);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
