package ai.revo.missioncontrol.agents;

/** IDLE (ready), RUNNING (working on a task), PAUSED (by an admin) or BLOCKED (with a reason). */
public enum AgentStatus {
    IDLE,
    RUNNING,
    PAUSED,
    BLOCKED
}
