package ai.revo.missioncontrol.conversations.web;

import ai.revo.missioncontrol.conversations.ConversationDetail;
import ai.revo.missioncontrol.conversations.ConversationManagement;
import ai.revo.missioncontrol.conversations.ConversationStatus;
import ai.revo.missioncontrol.conversations.ConversationView;
import ai.revo.missioncontrol.conversations.MessageView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Conversations and the inbox: read by every role, answered and closed by ADMIN, OPERATOR and CLOSER. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Conversations")
class ConversationController {

    private final ConversationManagement conversations;

    ConversationController(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    record AnswerRequest(String bodyText, String fromEmail) {}

    @GetMapping("/conversations")
    @Operation(
            summary = "The workspace's conversations, most recent first",
            description = "status: TO_ANSWER (waiting for a person), OPEN, CLOSED, or omitted for all; q searches the "
                    + "address, subject and last message; channel: EMAIL, WHATSAPP or SMS (the channels with conversations today). Each says whether it is unread for"
                    + " the caller; a WhatsApp conversation has its phoneNumber and windowEndsAt.")
    PageResult<ConversationView> list(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String channel,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return conversations.list(
                user.tenantId(), user.id(), status(status), channel(channel), q, new PageQuery(page, limit));
    }

    @GetMapping("/conversations/unread-count")
    @Operation(summary = "How many conversations have a reply the caller has not opened: {count}")
    Map<String, Long> unread(CurrentUser user) {
        return Map.of("count", conversations.unreadCount(user.tenantId(), user.id()));
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "One conversation with its messages, oldest first (an email's status is the email's own)")
    ConversationDetail get(CurrentUser user, @PathVariable UUID id) {
        return conversations.get(user.tenantId(), user.id(), id);
    }

    @PostMapping("/me/conversations/{id}/read")
    @Operation(summary = "Marks the conversation read for the caller (every role: read state is the caller's own)")
    ConversationDetail read(CurrentUser user, @PathVariable UUID id) {
        conversations.markRead(user.tenantId(), user.id(), id);
        return conversations.get(user.tenantId(), user.id(), id);
    }

    @PostMapping("/conversations/{id}/replies")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary = "Answers the person's last message {bodyText, fromEmail?}: 202 with the queued message",
            description = "An email threaded under theirs (In-Reply-To and References from the thread's Message-IDs, "
                    + "subject Re: ...) through the email pipeline, so dry run, switches, suppression and limits "
                    + "apply; the message's status follows the email. Optional Idempotency-Key: the same key answers "
                    + "the first message again. 409 when the person has not written.")
    ResponseEntity<MessageView> answer(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody AnswerRequest request) {
        MessageView message =
                conversations.answer(user.tenantId(), id, request.bodyText(), request.fromEmail(), key, user.actor());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(message);
    }

    @PostMapping("/conversations/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(summary = "Closes the conversation: it no longer waits for anyone (a new reply reopens it)")
    ConversationView close(CurrentUser user, @PathVariable UUID id) {
        return conversations.close(user.tenantId(), user.id(), id, user.actor());
    }

    static ai.revo.missioncontrol.safety.Channel channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return ai.revo.missioncontrol.safety.Channel.valueOf(channel.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(
                    "channel",
                    "must be one of " + java.util.Arrays.toString(ai.revo.missioncontrol.safety.Channel.values()));
        }
    }

    static ConversationStatus status(String status) {
        if (status == null || status.isBlank() || status.equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return ConversationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "must be TO_ANSWER, OPEN, HUMAN, CLOSED or ALL");
        }
    }
}
