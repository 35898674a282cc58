package ai.revo.missioncontrol.email;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An email template as the API shows it. {@code usageCount} counts the emails sent (or simulated) with it;
 * {@code openRate} and {@code replyRate} are shares of its SENT emails with a first open or reply, null while none
 * was sent. {@code fields} lists the merge fields it uses.
 */
public record TemplateView(
        UUID id,
        String title,
        String description,
        Content content,
        String category,
        String tone,
        boolean favourite,
        long usageCount,
        Double openRate,
        Double replyRate,
        List<String> fields,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** The subject (plain text) and body (HTML), both with merge fields. */
    public record Content(String subject, String body) {}
}
