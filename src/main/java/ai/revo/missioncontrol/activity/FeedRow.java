package ai.revo.missioncontrol.activity;

/**
 * One event as the feed page shows it: a one-line description with names in place of ids ({@code who} is the
 * actor's name), and the raw event behind it for the details toggle.
 */
public record FeedRow(EventEnvelope event, String description, String who) {}
