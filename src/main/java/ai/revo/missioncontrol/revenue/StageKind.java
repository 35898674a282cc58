package ai.revo.missioncontrol.revenue;

/** What reaching a stage means: the deal is still open, won, or lost. */
public enum StageKind {
    OPEN,
    WON,
    LOST
}
