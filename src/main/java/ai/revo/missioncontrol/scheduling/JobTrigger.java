package ai.revo.missioncontrol.scheduling;

/** Why a job run happened: its schedule, a person's run-now, or a catch-up of a fire time missed while down. */
public enum JobTrigger {
    SCHEDULED,
    MANUAL,
    CATCH_UP
}
