package ai.revo.missioncontrol.platform;

/**
 * One result of the global search.
 *
 * @param kind what it is, lower case (contact, lead, campaign, draft, template, email)
 * @param title the line a person recognises it by (a name, a subject)
 * @param detail a second line (email, company, status), may be null
 * @param path the dashboard page that shows it
 */
public record SearchHit(String kind, String id, String title, String detail, String path) {}
