package ai.revo.missioncontrol.drafts;

/** What a draft says: a subject (email), the text and, for email, HTML. */
public record DraftContent(String subject, String bodyText, String bodyHtml) {}
