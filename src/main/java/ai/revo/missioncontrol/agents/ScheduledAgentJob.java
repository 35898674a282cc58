package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.scheduling.JobInvocation;
import ai.revo.missioncontrol.scheduling.JobOutcome;
import ai.revo.missioncontrol.scheduling.JobWork;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An agent's work as the scheduler sees it: a job run becomes one agent run, performed at once on the scheduler's
 * thread; a paused agent or workspace makes the job run SKIPPED with the reason.
 */
abstract class ScheduledAgentJob implements AgentWork, JobWork {

    private ObjectProvider<AgentRuns> runs;

    @Autowired
    void setRuns(ObjectProvider<AgentRuns> runs) {
        this.runs = runs;
    }

    @Override
    public JobOutcome perform(JobInvocation job) {
        AgentRuns agentRuns = runs.getObject();
        String refusal = agentRuns.refusal(job.tenant(), agentKey());
        if (refusal != null) {
            return JobOutcome.skipped(refusal);
        }
        Map<String, Object> input = new LinkedHashMap<>(job.parameters() == null ? Map.of() : job.parameters());
        input.put("job", job.jobKey());
        AgentRunView run = agentRuns.runForJob(job.tenant(), agentKey(), job.runId(), job.actor(), input);
        Map<String, Integer> counts = new LinkedHashMap<>();
        run.output().forEach((k, v) -> {
            if (v instanceof Number n) {
                counts.put(k, n.intValue());
            }
        });
        if (run.status() == AgentRunStatus.SUCCEEDED) {
            return JobOutcome.completed(counts, run.id());
        }
        Object message = run.error() == null ? null : run.error().get("message");
        String reason = (message == null ? "The run " + run.status() : String.valueOf(message))
                + (run.status() == AgentRunStatus.FAILED && run.nextAttemptAt() != null
                        ? " (retry " + (run.attempts() + 1) + " of " + run.maxAttempts() + " at " + run.nextAttemptAt()
                                + ")"
                        : "");
        return JobOutcome.failed(reason, counts, run.id());
    }
}
