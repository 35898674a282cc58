package ai.revo.missioncontrol.email;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;

/** An email with its status history (oldest first) and every delivery attempt with the SMTP reply. */
public record EmailDetail(
        @JsonUnwrapped EmailView email,
        String bodyText,
        String bodyHtml,
        List<StatusChange> history,
        List<Attempt> attempts) {

    /** One status the email went through, and why. */
    public record StatusChange(String status, String reason, Instant at) {}

    /** One delivery attempt: STARTED before the SMTP conversation, then its outcome and the server's reply. */
    public record Attempt(
            int attempt, String messageId, String outcome, String smtpReply, Instant startedAt, Instant finishedAt) {}
}
