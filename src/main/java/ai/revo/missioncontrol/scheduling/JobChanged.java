package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** {@code scheduler.job.created} or {@code scheduler.job.updated}: an admin added or changed a job. */
public record JobChanged(
        UUID tenantId,
        UUID jobId,
        String key,
        boolean created,
        Map<String, Object> before,
        Map<String, Object> after,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return created ? "scheduler.job.created" : "scheduler.job.updated";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "scheduler_job";
    }

    @Override
    public String entityId() {
        return jobId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("job", key);
        payload.put("changes", after);
        return payload;
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
