package ai.revo.missioncontrol.agents;

/**
 * Where a pipeline run is: waiting, working through its steps, or finished: SUCCEEDED when every step succeeded,
 * FAILED when at least one step failed or was skipped (the other steps still ran; the steps say which and why).
 */
public enum PipelineRunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
