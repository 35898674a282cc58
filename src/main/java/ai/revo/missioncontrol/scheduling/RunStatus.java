package ai.revo.missioncontrol.scheduling;

/**
 * Where a run stands: QUEUED (a run-now waiting for a node to pick it up), RUNNING, then COMPLETED, FAILED or
 * SKIPPED (with a reason, e.g. the global pause, a paused agent, or a fire time missed beyond the grace window).
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    SKIPPED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == SKIPPED;
    }
}
