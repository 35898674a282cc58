package ai.revo.missioncontrol.agents;

/** What started a run: a scheduler job, an event, or a person. */
public enum RunTrigger {
    JOB,
    EVENT,
    MANUAL
}
