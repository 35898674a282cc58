package ai.revo.missioncontrol.contacts;

import java.time.Instant;
import java.util.UUID;

/**
 * One thing that happened to a contact, as the contact's timeline shows it. The page words each {@code kind}; this
 * record carries only facts.
 *
 * @param kind NOTE, ENROLLED, STATUS, SCORE, DRAFT, DECISION, EMAIL, EMAIL_OPENED, EMAIL_CLICKED, REPLY or TASK
 * @param subject what it is about: an email's or draft's subject, a task's title, a decision's action
 * @param text the words of it: a note, a reply's text, a decision's notes, a score's reason
 * @param from the value before (status, score) or a count (opens, clicks); may be null
 * @param to the value after (status, score, an email's or draft's status, a task's column); may be null
 * @param link a dashboard path that shows the item, or null
 */
public record TimelineEntry(
        Instant at,
        String kind,
        String subject,
        String text,
        String from,
        String to,
        UUID leadId,
        UUID campaignId,
        String actorName,
        String link) {}
