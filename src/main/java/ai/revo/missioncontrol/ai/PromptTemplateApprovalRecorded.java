package ai.revo.missioncontrol.ai;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code prompt.automatic_use.approved} or {@code prompt.automatic_use.withdrawn}: a person approved one version's
 * fallback template for automatic use, or withdrew that approval.
 */
public record PromptTemplateApprovalRecorded(UUID tenantId, String key, int version, boolean approved, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return approved ? "prompt.automatic_use.approved" : "prompt.automatic_use.withdrawn";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "prompt";
    }

    @Override
    public String entityId() {
        return key;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", key);
        p.put("version", version);
        p.put("approvedForAutomaticUse", approved);
        return p;
    }

    @Override
    public Object auditBefore() {
        return Map.of("key", key, "version", version, "approvedForAutomaticUse", !approved);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
