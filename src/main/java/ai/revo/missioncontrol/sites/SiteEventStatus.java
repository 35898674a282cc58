package ai.revo.missioncontrol.sites;

/** Where a stored event stands: RECEIVED (queued), PROCESSED, FAILED with the error, or IGNORED (site paused). */
public enum SiteEventStatus {
    RECEIVED,
    PROCESSED,
    FAILED,
    IGNORED
}
