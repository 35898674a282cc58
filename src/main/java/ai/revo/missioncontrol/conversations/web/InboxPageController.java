package ai.revo.missioncontrol.conversations.web;

import ai.revo.missioncontrol.conversations.ConversationDetail;
import ai.revo.missioncontrol.conversations.ConversationManagement;
import ai.revo.missioncontrol.conversations.ConversationStatus;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
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
 * The Inbox: conversations waiting for a person beside the open thread (its own screen on a phone), answering
 * with a confirmation, closing; the list and the thread refresh live.
 */
@Controller
@RequestMapping("/inbox")
class InboxPageController {

    static final int PAGE_SIZE = 25;

    private final ConversationManagement conversations;

    InboxPageController(ConversationManagement conversations) {
        this.conversations = conversations;
    }

    @Bean
    static NavigationItem inboxNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Inbox", "/inbox", "messages", 120, null);
    }

    /** An answer typed in the thread, with the key that keeps a double submit from sending twice. */
    record AnswerForm(String bodyText, String key) {}

    @GetMapping
    String inbox(
            CurrentUser user,
            @RequestParam(defaultValue = "TO_ANSWER") String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            Model model) {
        list(user, status, q, page, model);
        return "conversations/inbox";
    }

    @GetMapping("/list")
    String listFragment(
            CurrentUser user,
            @RequestParam(defaultValue = "TO_ANSWER") String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) UUID open,
            Model model) {
        list(user, status, q, page, model);
        model.addAttribute("openId", open);
        return "conversations/fragments :: list";
    }

    @GetMapping("/{id}")
    String conversation(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "TO_ANSWER") String status,
            @RequestParam(required = false) String q,
            Model model) {
        conversations.markRead(user.tenantId(), user.id(), id);
        list(user, status, q, null, model);
        thread(user, id, model);
        model.addAttribute("openId", id);
        return "conversations/inbox";
    }

    @GetMapping("/{id}/thread")
    String threadFragment(CurrentUser user, @PathVariable UUID id, Model model) {
        conversations.markRead(user.tenantId(), user.id(), id);
        thread(user, id, model);
        return "conversations/fragments :: thread";
    }

    /** The conversation an email belongs to (a notification's or the timeline's link), else the email itself. */
    @GetMapping("/email/{emailId}")
    String ofEmail(CurrentUser user, @PathVariable UUID emailId) {
        return "redirect:"
                + conversations
                        .ofEmail(user.tenantId(), emailId)
                        .map(id -> "/inbox/" + id)
                        .orElse("/emails/" + emailId);
    }

    @PostMapping("/{id}/reply")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String answer(CurrentUser user, @PathVariable UUID id, AnswerForm form, Model model, HttpServletResponse response) {
        try {
            conversations.answer(user.tenantId(), id, form.bodyText(), null, form.key(), user.actor());
            model.addAttribute("answered", true);
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("answerError", e.getMessage());
            model.addAttribute("draftText", form.bodyText());
        }
        conversations.markRead(user.tenantId(), user.id(), id);
        thread(user, id, model);
        return "conversations/fragments :: thread";
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    String close(CurrentUser user, @PathVariable UUID id, Model model) {
        conversations.close(user.tenantId(), user.id(), id, user.actor());
        thread(user, id, model);
        return "conversations/fragments :: thread";
    }

    private void list(CurrentUser user, String status, String q, Integer page, Model model) {
        ConversationStatus filter = ConversationController.status(status);
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute("q", q);
        model.addAttribute(
                "conversations",
                conversations.list(user.tenantId(), user.id(), filter, q, new PageQuery(page, PAGE_SIZE)));
    }

    private void thread(CurrentUser user, UUID id, Model model) {
        ConversationDetail detail = conversations.get(user.tenantId(), user.id(), id);
        model.addAttribute("detail", detail);
        model.addAttribute("canAnswer", user.role().name().matches("ADMIN|OPERATOR|CLOSER"));
        model.addAttribute("answerKey", UUID.randomUUID());
    }
}
