package ai.revo.missioncontrol.sites;

/**
 * A site's health: WAITING for its first event, CONNECTED while data flows, SILENT when nothing arrived for longer
 * than its silentAfter, ERROR when its recent events fail, PAUSED when a person paused it (events are then stored
 * IGNORED, to be reprocessed later).
 */
public enum SiteStatus {
    WAITING,
    CONNECTED,
    SILENT,
    ERROR,
    PAUSED
}
