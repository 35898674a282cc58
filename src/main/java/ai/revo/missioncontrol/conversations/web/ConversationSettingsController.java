package ai.revo.missioncontrol.conversations.web;

import ai.revo.missioncontrol.conversations.ConversationReplies;
import ai.revo.missioncontrol.conversations.ConversationSettings;
import ai.revo.missioncontrol.conversations.ConversationSettingsView;
import ai.revo.missioncontrol.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A campaign's conversation settings (auto-reply) and what became of the AI's latest reply in a conversation. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Conversations")
class ConversationSettingsController {

    private final ConversationSettings settings;
    private final ConversationReplies replies;
    private final ai.revo.missioncontrol.conversations.ConversationFollowUps followUps;

    ConversationSettingsController(
            ConversationSettings settings,
            ConversationReplies replies,
            ai.revo.missioncontrol.conversations.ConversationFollowUps followUps) {
        this.settings = settings;
        this.replies = replies;
        this.followUps = followUps;
    }

    record SettingsRequest(Boolean autoReply, Integer snoozeDays, Boolean smsAutoReply) {}

    @GetMapping("/campaigns/{id}/conversation-settings")
    @Operation(
            summary = "A campaign's conversation settings: {campaignId, autoReply, snoozeDays, smsAutoReply}"
                    + " (auto-reply off by default on WhatsApp and SMS)")
    ConversationSettingsView get(CurrentUser user, @PathVariable UUID id) {
        return settings.get(user.tenantId(), id);
    }

    @PutMapping("/campaigns/{id}/conversation-settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Change a campaign's conversation settings {autoReply?, snoozeDays?, smsAutoReply?}",
            description = "autoReply true: a reply the AI wrote in a WhatsApp conversation that passes every check and"
                    + " the confidence gate goes out at once through the outbound gateway; false: it waits in the"
                    + " approval inbox. smsAutoReply: the same for the campaign's SMS conversations (default false)."
                    + " snoozeDays (1-365, default 30): when a snoozed person's follow-up is due.")
    ConversationSettingsView put(CurrentUser user, @PathVariable UUID id, @RequestBody SettingsRequest request) {
        return settings.change(
                user.tenantId(),
                id,
                request == null ? null : request.autoReply(),
                request == null ? null : request.snoozeDays(),
                request == null ? null : request.smsAutoReply(),
                user.actor());
    }

    @GetMapping("/conversations/{id}/follow-ups")
    @Operation(
            summary = "The conversation's follow-ups, newest first: {data: [{id, conversationId, leadId, messageId,"
                    + " dueAt, status, draftId, reason}]}",
            description = "A person who writes a snooze phrase (Settings → WhatsApp, snoozePhrases) gets a follow-up"
                    + " after the campaign's snoozeDays; writing again first cancels it (CANCELLED).")
    java.util.Map<String, java.util.List<ai.revo.missioncontrol.conversations.FollowUpView>> followUps(
            CurrentUser user, @PathVariable UUID id) {
        return java.util.Map.of("data", followUps.list(user.tenantId(), id));
    }

    @GetMapping("/conversations/{id}/ai-reply")
    @Operation(
            summary = "What became of the AI's latest reply in the conversation: {id, conversationId, messageId,"
                    + " status, draftId, sentMessageId, reason}; 404 when the AI never replied",
            description = "status: AWAITING_APPROVAL (draftId waits in the approval inbox), SENT, DISCARDED (the"
                    + " person wrote again first, or a person took over), REJECTED, NOT_WRITTEN (e.g. no model is"
                    + " configured), FAILED.")
    ai.revo.missioncontrol.conversations.AiReplyView aiReply(CurrentUser user, @PathVariable UUID id) {
        return replies.latest(user.tenantId(), id)
                .orElseThrow(
                        () -> ai.revo.missioncontrol.platform.ApiException.notFound("AI reply of conversation", id));
    }
}
