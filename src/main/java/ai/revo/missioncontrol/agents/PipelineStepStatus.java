package ai.revo.missioncontrol.agents;

/**
 * One step of a pipeline run: not reached yet, its agent run working, done well, failed (the reason is kept and the
 * next steps still run), or skipped because its agent could not work then (paused, busy, no such agent).
 */
public enum PipelineStepStatus {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    SKIPPED
}
