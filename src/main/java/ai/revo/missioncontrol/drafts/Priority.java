package ai.revo.missioncontrol.drafts;

/** How urgently a draft should be reviewed; the inbox shows URGENT first. */
public enum Priority {
    LOW,
    NORMAL,
    HIGH,
    URGENT
}
