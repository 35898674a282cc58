package ai.revo.missioncontrol.sequences;

/** ACTIVE: steps run; PAUSED: held by a person; FINISHED: every step ran; STOPPED: a stop rule or a person ended it. */
public enum EnrolmentStatus {
    ACTIVE,
    PAUSED,
    FINISHED,
    STOPPED
}
