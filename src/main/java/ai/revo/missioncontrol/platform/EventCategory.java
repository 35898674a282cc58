package ai.revo.missioncontrol.platform;

/** How the live feed groups and colours events. */
public enum EventCategory {
    INBOUND,
    THINKING,
    OUTBOUND,
    SYSTEM,
    COMMERCE,
    SAFETY,
    ERROR
}
