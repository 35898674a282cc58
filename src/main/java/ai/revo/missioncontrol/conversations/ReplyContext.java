package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.safety.Channel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a responder needs to answer a conversation: who and what it is about, its standing (HUMAN: a person took it
 * over), the newest message the person wrote ({@code latestInboundId}, null when none) and the last messages, oldest
 * first. {@code simulated}: a conversation of the WhatsApp simulator (no contact, no lead; nothing it sends leaves).
 */
public record ReplyContext(
        UUID conversationId,
        UUID campaignId,
        UUID leadId,
        UUID contactId,
        Channel channel,
        ConversationStatus status,
        String participant,
        UUID latestInboundId,
        List<Line> lines,
        boolean simulated) {

    public ReplyContext {
        lines = List.copyOf(lines);
    }

    /** One message: {@code fromPerson} true for the person's, false for ours; {@code type} the WhatsApp type. */
    public record Line(UUID messageId, boolean fromPerson, String type, String text, Instant at) {}

    /** The message with this id among the lines, if it is one of them. */
    public java.util.Optional<Line> line(UUID messageId) {
        return lines.stream().filter(l -> l.messageId().equals(messageId)).findFirst();
    }
}
