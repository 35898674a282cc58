package ai.revo.missioncontrol.conversations.web;

import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.ConversationView;
import ai.revo.missioncontrol.conversations.ThreadMessage;
import ai.revo.missioncontrol.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;

/** A conversation's messages, an operator's reply through the gateway, take over and hand back. */
@RestController
@RequestMapping("/api/v1/conversations/{id}")
@Tag(name = "Conversations")
class ChannelConversationController {

    private final ChannelConversations conversations;

    ChannelConversationController(ChannelConversations conversations) {
        this.conversations = conversations;
    }

    record MessageRequest(String text) {}

    @GetMapping("/messages")
    @Operation(
            summary = "The conversation's messages, oldest first: {data: [{id, conversationId, direction, type, text,"
                    + " payload, providerMessageId, status, error, createdAt}]}",
            description = "status: RECEIVED for the person's messages; for ours QUEUED, then the gateway's outcome"
                    + " (SENT, SIMULATED, BLOCKED_..., FAILED) or the provider's receipt (DELIVERED, READ).")
    Map<String, List<ThreadMessage>> messages(CurrentUser user, @PathVariable UUID id) {
        return Map.of("data", conversations.messages(user.tenantId(), id));
    }

    @PostMapping("/messages")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary = "An operator's reply {text}: 202 with the queued message (Idempotency-Key required)",
            description = "Goes out through the outbound gateway in the background, so dry run, switches, pause,"
                    + " suppression and (on WhatsApp) the 24-hour window apply; free text outside the window ends"
                    + " BLOCKED_OUTSIDE_WINDOW. The same key answers the first message again. On an email"
                    + " conversation it is the threaded email answer.")
    ResponseEntity<ThreadMessage> send(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody MessageRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(conversations.send(
                        user.tenantId(), id, request == null ? null : request.text(), key, user.actor()));
    }

    @PostMapping("/template-messages")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary = "Send an approved WhatsApp template {templateName, language, parameters}: 202 with the queued"
                    + " message (Idempotency-Key required)",
            description = "The only message WhatsApp allows outside the 24-hour window. The template must be one of"
                    + " the workspace's synced APPROVED templates and parameters must fill its body's placeholders."
                    + " Like a free-form reply it is recorded in the thread at once (QUEUED, with the rendered body)"
                    + " and goes out through the outbound gateway in the background: the thread shows SENT,"
                    + " SIMULATED (dry run), BLOCKED_... or FAILED. A CLOSED conversation reopens. Refusals change"
                    + " nothing: 400 (key, template, parameter count), 404, 422 (not WhatsApp). The same key answers"
                    + " the first message again and sends nothing more.")
    ResponseEntity<ThreadMessage> sendTemplate(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestBody(required = false) ChannelConversations.TemplateMessage request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(conversations.sendTemplate(user.tenantId(), id, request, key, user.actor()));
    }

    @PostMapping("/takeover")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(summary = "Take the conversation over from the AI: status HUMAN, assigned to the caller")
    ConversationView takeOver(CurrentUser user, @PathVariable UUID id) {
        return conversations.takeOver(
                user.tenantId(), user.id(), id, user.actor().name(), user.actor());
    }

    @PostMapping("/handback")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(summary = "Hand the conversation back to the AI: status OPEN (409 when nobody had taken it over)")
    ConversationView handBack(CurrentUser user, @PathVariable UUID id) {
        return conversations.handBack(user.tenantId(), user.id(), id, user.actor());
    }
}
