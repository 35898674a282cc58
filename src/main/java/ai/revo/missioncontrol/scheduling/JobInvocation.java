package ai.revo.missioncontrol.scheduling;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One run of a job handed to its {@link JobWork}: the workspace, the job, the run record's id, why it runs, the
 * job's parameters, the fire time it stands for, and who started it (a user for run-now, the job's agent otherwise).
 */
public record JobInvocation(
        TenantId tenant,
        UUID jobId,
        String jobKey,
        String agentKey,
        UUID runId,
        JobTrigger trigger,
        Map<String, Object> parameters,
        Instant scheduledFor,
        Actor actor) {}
