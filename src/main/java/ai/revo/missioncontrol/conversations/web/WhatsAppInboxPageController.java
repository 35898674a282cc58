package ai.revo.missioncontrol.conversations.web;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.conversations.AiReplyStatus;
import ai.revo.missioncontrol.conversations.AiReplyView;
import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.ConversationFilter;
import ai.revo.missioncontrol.conversations.ConversationManagement;
import ai.revo.missioncontrol.conversations.ConversationReplies;
import ai.revo.missioncontrol.conversations.ConversationTemplates;
import ai.revo.missioncontrol.conversations.ConversationView;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The WhatsApp inbox: conversations with unread marks and who handles them (mine, unassigned, AI, needs a human),
 * the thread with delivery ticks and the time left in the 24-hour window, the reply box (the same send as the
 * conversation messages API: queued, then through the outbound gateway), the AI's pending reply with its checks and
 * sources, take over and hand back, and the lead's status, value and sentiment. Refreshed live.
 */
@Controller
@RequestMapping("/conversations")
class WhatsAppInboxPageController {

    static final int PAGE_SIZE = 25;

    private final ConversationManagement conversations;
    private final ChannelConversations channel;
    private final ConversationReplies replies;
    private final DraftManagement drafts;
    private final LeadManagement leads;
    private final Clock clock;

    WhatsAppInboxPageController(
            ConversationManagement conversations,
            ChannelConversations channel,
            ConversationReplies replies,
            DraftManagement drafts,
            LeadManagement leads,
            Clock clock) {
        this.conversations = conversations;
        this.channel = channel;
        this.replies = replies;
        this.drafts = drafts;
        this.leads = leads;
        this.clock = clock;
    }

    @Bean
    static NavigationItem whatsAppInboxNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "WhatsApp", "/conversations", "brand-whatsapp", 125, null);
    }

    /** A reply typed in the thread, with the key that keeps a double submit from sending twice. */
    record ReplyForm(String text, String key) {}

    /**
     * The 24-hour customer-care window as the thread shows it: open until {@code endsAt}, with the time left as of
     * {@code now} (the server's clock, which static/js/wa-window.js counts down from, minute by minute).
     */
    record Window(boolean open, Instant endsAt, long hoursLeft, long minutesLeft, Instant now) {
        static Window of(Instant endsAt, Instant now) {
            if (endsAt == null || !endsAt.isAfter(now)) {
                return new Window(false, endsAt, 0, 0, now);
            }
            Duration left = Duration.between(now, endsAt);
            return new Window(true, endsAt, left.toHours(), left.toMinutesPart(), now);
        }

        /** "Window closes in 3 h 12 min" (under a minute: "in less than a minute"), as the countdown writes it. */
        public String closesIn() {
            if (hoursLeft == 0 && minutesLeft == 0) {
                return "Window closes in less than a minute";
            }
            return "Window closes in " + (hoursLeft > 0 ? hoursLeft + " h " : "") + minutesLeft + " min";
        }
    }

    @GetMapping
    String inbox(
            CurrentUser user,
            @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        list(user, filter, q, page, model);
        return "conversations/whatsapp";
    }

    @GetMapping("/list")
    String listFragment(
            CurrentUser user,
            @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) UUID open,
            Model model) {
        list(user, filter, q, page, model);
        model.addAttribute("openId", open);
        return "conversations/whatsapp-fragments :: list";
    }

    @GetMapping("/{id}")
    String conversation(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "ALL") String filter,
            @RequestParam(required = false) String q,
            Model model) {
        conversations.markRead(user.tenantId(), user.id(), id);
        list(user, filter, q, null, model);
        thread(user, id, model);
        model.addAttribute("openId", id);
        return "conversations/whatsapp";
    }

    @GetMapping("/{id}/thread")
    String threadFragment(CurrentUser user, @PathVariable UUID id, Model model) {
        conversations.markRead(user.tenantId(), user.id(), id);
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String reply(CurrentUser user, @PathVariable UUID id, ReplyForm form, Model model, HttpServletResponse response) {
        try {
            channel.send(user.tenantId(), id, form.text(), form.key(), user.actor());
            model.addAttribute("replied", true);
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("replyError", e.getMessage());
            model.addAttribute("draftText", form.text());
        }
        conversations.markRead(user.tenantId(), user.id(), id);
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    /** The template picker of the reply box: the approved templates, or the one picked with its parameters. */
    @GetMapping("/{id}/template")
    String templatePicker(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String language,
            HttpServletRequest request,
            Model model) {
        template(user, id, name, language, parameters(request), model);
        return "conversations/whatsapp-fragments :: template";
    }

    /** The picked template's body as it would read with the parameters typed so far. */
    @GetMapping("/{id}/template/preview")
    String templatePreview(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String language,
            HttpServletRequest request,
            Model model) {
        conversations.get(user.tenantId(), user.id(), id);
        model.addAttribute(
                "templatePreview",
                channel.renderedTemplate(user.tenantId(), name, language, parameters(request))
                        .orElse(""));
        return "conversations/whatsapp-fragments :: template-preview";
    }

    /**
     * Sends the picked template (the same send as the template messages API: recorded and queued): the thread on
     * success; the picker with the refusal (retargeted to it) when the template is refused.
     */
    @PostMapping("/{id}/template")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String sendTemplate(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String language,
            @RequestParam(required = false) String key,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        java.util.List<String> parameters = parameters(request);
        try {
            channel.sendTemplate(
                    user.tenantId(),
                    id,
                    new ChannelConversations.TemplateMessage(name, language, parameters),
                    key,
                    user.actor());
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            response.setHeader("HX-Retarget", "#wa-template");
            response.setHeader("HX-Reswap", "outerHTML");
            template(user, id, name, language, parameters, model);
            model.addAttribute("templateError", e.getMessage());
            return "conversations/whatsapp-fragments :: template";
        }
        model.addAttribute("templateSent", true);
        conversations.markRead(user.tenantId(), user.id(), id);
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    private void template(
            CurrentUser user, UUID id, String name, String language, java.util.List<String> parameters, Model model) {
        ConversationView conversation =
                conversations.get(user.tenantId(), user.id(), id).conversation();
        java.util.List<ConversationTemplates.TemplateOption> templates = channel.approvedTemplates(user.tenantId());
        ConversationTemplates.TemplateOption chosen = templates.stream()
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .findFirst()
                .orElse(null);
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int i = 0; chosen != null && i < chosen.parameters(); i++) {
            values.add(i < parameters.size() ? parameters.get(i) : "");
        }
        model.addAttribute("conversation", conversation);
        model.addAttribute("templates", templates);
        model.addAttribute("chosen", chosen);
        model.addAttribute("values", values);
        model.addAttribute("templateKey", UUID.randomUUID());
        model.addAttribute(
                "templatePreview",
                chosen == null
                        ? ""
                        : channel.renderedTemplate(user.tenantId(), chosen.name(), chosen.language(), values)
                                .orElse(""));
        model.addAttribute(
                "templateConfirm",
                chosen == null
                        ? ""
                        : "Send the template " + chosen.name() + " (" + chosen.language() + ") to "
                                + conversation.participant() + "? It is queued and goes out through the gateway"
                                + (conversation.status().name().equals("CLOSED")
                                        ? "; the closed conversation reopens."
                                        : "."));
        model.addAttribute("canAnswer", user.role().name().matches("ADMIN|OPERATOR|CLOSER"));
    }

    /** The typed parameters in order (read as sent: a value with a comma stays one parameter). */
    private static java.util.List<String> parameters(HttpServletRequest request) {
        String[] values = request.getParameterValues("parameters");
        return values == null ? java.util.List.of() : java.util.Arrays.asList(values);
    }

    @PostMapping("/{id}/takeover")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String takeOver(CurrentUser user, @PathVariable UUID id, Model model) {
        channel.takeOver(user.tenantId(), user.id(), id, user.actor().name(), user.actor());
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    @PostMapping("/{id}/handback")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String handBack(CurrentUser user, @PathVariable UUID id, Model model) {
        channel.handBack(user.tenantId(), user.id(), id, user.actor());
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    /** Approves (sends) or rejects the AI's reply waiting in draft {@code draftId}, from the thread. */
    @PostMapping("/{id}/suggestion/{draftId}/{decision}")
    @PreAuthorize("hasRole('ADMIN')")
    String decide(
            CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID draftId,
            @PathVariable String decision,
            Model model,
            HttpServletResponse response) {
        AiReplyView reply = replies.ofDraft(user.tenantId(), draftId)
                .filter(r -> r.conversationId().equals(id))
                .orElseThrow(() -> ApiException.notFound("AI reply", draftId));
        DraftView draft = drafts.get(user.tenantId(), reply.draftId());
        boolean approve = decision.toLowerCase(Locale.ROOT).equals("approve");
        try {
            drafts.decide(
                    user.tenantId(),
                    draft.id(),
                    approve ? Decision.APPROVE : Decision.REJECT,
                    approve ? null : "Rejected in the conversation",
                    null,
                    draft.etag(),
                    user.actor());
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("suggestionError", e.getMessage());
        }
        thread(user, id, model);
        return "conversations/whatsapp-fragments :: thread";
    }

    private void list(CurrentUser user, String filter, String q, Integer page, Model model) {
        ConversationFilter f = filter(filter);
        model.addAttribute("filter", f.name());
        model.addAttribute("q", q);
        model.addAttribute("unreadTotal", conversations.unreadCount(user.tenantId(), user.id(), Channel.WHATSAPP));
        model.addAttribute(
                "conversations",
                conversations.list(
                        user.tenantId(), user.id(), null, Channel.WHATSAPP, f, q, new PageQuery(page, PAGE_SIZE)));
        model.addAttribute("now", clock.instant());
    }

    private void thread(CurrentUser user, UUID id, Model model) {
        ConversationView conversation =
                conversations.get(user.tenantId(), user.id(), id).conversation();
        model.addAttribute("conversation", conversation);
        model.addAttribute("messages", channel.messages(user.tenantId(), id));
        model.addAttribute("window", Window.of(conversation.windowEndsAt(), clock.instant()));
        AiReplyView reply = replies.latest(user.tenantId(), id).orElse(null);
        model.addAttribute("aiReply", reply);
        model.addAttribute(
                "suggestion",
                reply != null && reply.status() == AiReplyStatus.AWAITING_APPROVAL && reply.draftId() != null
                        ? drafts.get(user.tenantId(), reply.draftId())
                        : null);
        model.addAttribute(
                "lead", conversation.leadId() == null ? null : leads.get(user.tenantId(), conversation.leadId()));
        model.addAttribute("canAnswer", user.role().name().matches("ADMIN|OPERATOR|CLOSER"));
        model.addAttribute("canApprove", user.role().name().equals("ADMIN"));
        model.addAttribute("mine", user.id().value().equals(conversation.assigneeId()));
        model.addAttribute("replyKey", UUID.randomUUID());
        model.addAttribute(
                "templatesAvailable",
                !channel.approvedTemplates(user.tenantId()).isEmpty());
    }

    static ConversationFilter filter(String value) {
        try {
            return ConversationFilter.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("filter", "must be ALL, MINE, UNASSIGNED, AI or NEEDS_HUMAN");
        }
    }
}
