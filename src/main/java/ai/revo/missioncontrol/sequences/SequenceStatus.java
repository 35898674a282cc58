package ai.revo.missioncontrol.sequences;

/** DRAFT: being built; ACTIVE: its steps run; PAUSED: every step held; ARCHIVED: finished with, nothing runs. */
public enum SequenceStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    ARCHIVED
}
