package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code deal.stage_changed}: a deal moved from one stage to another; {@code kind} is the new stage's (WON and LOST
 * close the deal), {@code secondsInFromStage} how long it sat in the stage it left.
 */
public record DealStageChanged(
        UUID tenantId,
        UUID dealId,
        UUID fromStageId,
        String fromStage,
        UUID toStageId,
        String toStage,
        StageKind kind,
        String lostReason,
        long secondsInFromStage,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "deal.stage_changed";
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
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", fromStage);
        p.put("to", toStage);
        p.put("kind", kind.name());
        p.put("secondsInFromStage", secondsInFromStage);
        if (lostReason != null) {
            p.put("lostReason", lostReason);
        }
        return p;
    }

    @Override
    public Object auditBefore() {
        return Map.of("stage", fromStage);
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
