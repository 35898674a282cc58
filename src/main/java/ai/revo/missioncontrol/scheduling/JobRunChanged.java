package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A run of a job moved: {@code scheduler.job.requested} (run-now queued), {@code scheduler.job.started},
 * {@code scheduler.job.completed}, {@code scheduler.job.failed} or {@code scheduler.job.skipped}. The payload names
 * the job key, the run id, the trigger, the counts and the reason.
 */
public record JobRunChanged(
        UUID tenantId,
        UUID runId,
        UUID jobId,
        String jobKey,
        JobTrigger trigger,
        RunStatus status,
        Map<String, Integer> counts,
        String reason,
        Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return switch (status) {
            case QUEUED -> "scheduler.job.requested";
            case RUNNING -> "scheduler.job.started";
            case COMPLETED -> "scheduler.job.completed";
            case FAILED -> "scheduler.job.failed";
            case SKIPPED -> "scheduler.job.skipped";
        };
    }

    @Override
    public EventCategory category() {
        return status == RunStatus.FAILED ? EventCategory.ERROR : EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "scheduler_run";
    }

    @Override
    public String entityId() {
        return runId.toString();
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("job", jobKey);
        payload.put("jobId", jobId.toString());
        payload.put("runId", runId.toString());
        payload.put("trigger", trigger.name());
        payload.put("status", status.name());
        payload.put("counts", counts == null ? Map.of() : counts);
        if (reason != null) {
            payload.put("reason", reason);
        }
        return payload;
    }

    @Override
    public Object auditAfter() {
        return payload();
    }
}
