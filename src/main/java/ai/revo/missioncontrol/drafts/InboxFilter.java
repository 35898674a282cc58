package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.safety.Channel;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;

/**
 * What the approval inbox is narrowed to; every part is optional.
 *
 * @param author who wrote the drafts: {@code AGENT:<key>} or {@code USER:<id>} (or just {@code AGENT}, {@code USER})
 * @param minConfidence drafts whose model confidence is at least this (0 to 1)
 * @param maxConfidence drafts whose model confidence is below this (0 to 1)
 * @param withoutConfidence true: only drafts without a model confidence (written by a template or a person)
 * @param q words of the subject or text (by prefix), or of the lead's name, email or company
 */
public record InboxFilter(
        UUID campaignId,
        Channel channel,
        String author,
        BigDecimal minConfidence,
        BigDecimal maxConfidence,
        Boolean withoutConfidence,
        Priority priority,
        String q) {

    public static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null, null, null);

    public InboxFilter {
        author = author == null || author.isBlank() ? null : author.trim();
        q = q == null || q.isBlank() ? null : q.trim();
        if (author != null) {
            String type = author.contains(":") ? author.substring(0, author.indexOf(':')) : author;
            try {
                Actor.Type.valueOf(type.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("author", "must be AGENT:<key>, USER:<id>, AGENT, USER or SYSTEM");
            }
        }
        checkShare("minConfidence", minConfidence);
        checkShare("maxConfidence", maxConfidence);
        if (minConfidence != null && maxConfidence != null && minConfidence.compareTo(maxConfidence) >= 0) {
            throw ApiException.invalidField("maxConfidence", "must be above minConfidence");
        }
        if (Boolean.TRUE.equals(withoutConfidence) && (minConfidence != null || maxConfidence != null)) {
            throw ApiException.invalidField(
                    "withoutConfidence", "cannot be combined with minConfidence or maxConfidence");
        }
        if (q != null && q.length() > 100) {
            throw ApiException.invalidField("q", "must be at most 100 characters");
        }
    }

    String authorType() {
        if (author == null) {
            return null;
        }
        String type = author.contains(":") ? author.substring(0, author.indexOf(':')) : author;
        return type.toUpperCase(Locale.ROOT);
    }

    String authorId() {
        return author == null || !author.contains(":") ? null : author.substring(author.indexOf(':') + 1);
    }

    private static void checkShare(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0)) {
            throw ApiException.invalidField(field, "must be between 0 and 1");
        }
    }
}
