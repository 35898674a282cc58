package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code knowledge.source.deleted}: a source and all its passages were removed. */
public record KnowledgeSourceDeleted(
        UUID tenantId, UUID sourceId, UUID campaignId, String name, SourceKind kind, int chunks, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "knowledge.source.deleted";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "knowledge_source";
    }

    @Override
    public String entityId() {
        return sourceId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", name);
        payload.put("kind", kind.name());
        payload.put("chunks", chunks);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
