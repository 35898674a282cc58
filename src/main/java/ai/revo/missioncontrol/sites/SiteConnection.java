package ai.revo.missioncontrol.sites;

/** How a site's data reaches us: it PUSHes webhooks to its ingest endpoint, or we PULL a feed. */
public enum SiteConnection {
    PUSH,
    PULL
}
