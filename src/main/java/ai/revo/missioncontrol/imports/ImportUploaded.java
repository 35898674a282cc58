package ai.revo.missioncontrol.imports;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code import.uploaded}: a file was uploaded for import (not yet run). */
public record ImportUploaded(UUID tenantId, UUID importId, String fileName, Map<String, Object> counts, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "import.uploaded";
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
