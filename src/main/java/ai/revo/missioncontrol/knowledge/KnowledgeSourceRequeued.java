package ai.revo.missioncontrol.knowledge;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code knowledge.source.requeued}: a source was queued to be read again (a web page is fetched afresh). */
public record KnowledgeSourceRequeued(
        UUID tenantId, UUID sourceId, UUID campaignId, String name, SourceKind kind, int attempt, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "knowledge.source.requeued";
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
        payload.put("attempt", attempt);
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
