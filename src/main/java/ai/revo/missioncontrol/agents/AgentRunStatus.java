package ai.revo.missioncontrol.agents;

/** Where a run is: waiting, working, done well, failed (a retry may be due), or dead (retries used up). */
public enum AgentRunStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    DEAD
}
