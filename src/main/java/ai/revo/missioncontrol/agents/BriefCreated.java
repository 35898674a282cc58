package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code brief.created}: the daily briefer wrote the day's brief. */
public record BriefCreated(UUID tenantId, BriefView brief, Actor actor) implements MissionEvent {

    @Override
    public String type() {
        return "brief.created";
    }

    @Override
    public EventCategory category() {
        return EventCategory.THINKING;
    }

    @Override
    public String entityType() {
        return "brief";
    }

    @Override
    public String entityId() {
        return brief.id().toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("wins", brief.wins());
        payload.put("blockers", brief.blockers());
        payload.put("nextMoves", brief.nextMoves());
        payload.put("model", brief.model());
        return payload;
    }
}
