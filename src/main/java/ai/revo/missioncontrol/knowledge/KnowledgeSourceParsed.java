package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code knowledge.source.parsed}: a source was read and cut into passages, which are now embedded (EMBEDDING). */
public record KnowledgeSourceParsed(
        UUID tenantId,
        UUID sourceId,
        UUID campaignId,
        String name,
        SourceKind kind,
        int chunksTotal,
        Integer pages,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "knowledge.source.parsed";
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
        payload.put("chunksTotal", chunksTotal);
        if (pages != null) {
            payload.put("pages", pages);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
