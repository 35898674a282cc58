package ai.revo.missioncontrol.contacts;

/** A lead's fit: A best, C weakest. */
public enum Score {
    A,
    B,
    C
}
