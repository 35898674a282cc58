package ai.revo.missioncontrol.sequences;

/** The unit of a step's delay; business days skip Saturdays and Sundays. */
public enum DelayUnit {
    DAYS,
    BUSINESS_DAYS,
    HOURS
}
