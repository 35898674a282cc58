package ai.revo.missioncontrol.webhooks.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.webhooks.WebhookRequest;
import ai.revo.missioncontrol.webhooks.WebhookSubscriptionView;
import ai.revo.missioncontrol.webhooks.Webhooks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
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
 * Settings → Webhooks (admins): the subscriptions with their state, a form to subscribe a URL (the secret shown
 * once), and one subscription's page with its delivery log (refreshing while deliveries are in flight), a test event,
 * resend, rotate, disable or enable, and remove, each destructive action confirmed.
 */
@Controller
@RequestMapping("/settings/webhooks")
@PreAuthorize("hasRole('ADMIN')")
class WebhooksPageController {

    static final String CHANGED = "webhooksChanged";

    private final Webhooks webhooks;

    WebhooksPageController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Bean
    static NavigationItem webhooksNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "Webhooks", "/settings/webhooks", "webhook", 675, "ADMIN");
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        list(user, model);
        return "webhooks/webhooks";
    }

    @GetMapping("/list")
    String list(CurrentUser user, Model model) {
        model.addAttribute("subscriptions", webhooks.list(user.tenantId(), new PageQuery(1, PageQuery.MAX_LIMIT)));
        return "webhooks/webhooks :: list";
    }

    @PostMapping
    String create(
            CurrentUser user,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String eventTypes,
            @RequestParam(required = false) String description,
            HttpServletResponse response,
            Model model) {
        try {
            model.addAttribute(
                    "created",
                    webhooks.create(
                            user.tenantId(),
                            new WebhookRequest(url, description, split(eventTypes), null),
                            user.actor()));
        } catch (ApiException e) {
            model.addAttribute("formError", e.getMessage());
            model.addAttribute("formUrl", url);
            model.addAttribute("formEventTypes", eventTypes);
            model.addAttribute("formDescription", description);
            return "webhooks/webhooks :: create-form";
        }
        response.setHeader("HX-Trigger", CHANGED);
        return "webhooks/webhooks :: created";
    }

    @GetMapping("/{id}")
    String subscription(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("sub", webhooks.get(user.tenantId(), id));
        deliveries(user, id, null, model);
        return "webhooks/subscription";
    }

    @GetMapping("/{id}/deliveries")
    String deliveries(
            CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status, Model model) {
        WebhookSubscriptionView sub = webhooks.get(user.tenantId(), id);
        var deliveries = webhooks.deliveries(user.tenantId(), id, status, new PageQuery(1, 50));
        model.addAttribute("sub", sub);
        model.addAttribute("deliveries", deliveries);
        model.addAttribute("status", status);
        model.addAttribute(
                "inFlight",
                deliveries.data().stream()
                        .anyMatch(
                                d -> d.status().equals("PENDING") || d.status().equals("RETRYING")));
        return "webhooks/subscription :: deliveries";
    }

    @PostMapping("/{id}/test")
    String test(CurrentUser user, @PathVariable UUID id, Model model) {
        webhooks.sendTest(user.tenantId(), id, user.actor());
        model.addAttribute("flash", "Test event queued: its delivery appears below in a moment.");
        return deliveries(user, id, null, model);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/resend")
    String resend(CurrentUser user, @PathVariable UUID id, @PathVariable UUID deliveryId, Model model) {
        webhooks.resend(user.tenantId(), id, deliveryId, user.actor());
        model.addAttribute("flash", "Sending it again with the same webhook-id.");
        return deliveries(user, id, null, model);
    }

    @PostMapping("/{id}/enabled")
    String enabled(CurrentUser user, @PathVariable UUID id, @RequestParam boolean enabled, Model model) {
        model.addAttribute(
                "sub",
                webhooks.change(user.tenantId(), id, new WebhookRequest(null, null, null, enabled), user.actor()));
        return "webhooks/subscription :: header";
    }

    @PostMapping("/{id}/edit")
    String edit(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) String eventTypes,
            @RequestParam(required = false) String description,
            Model model) {
        try {
            model.addAttribute(
                    "sub",
                    webhooks.change(
                            user.tenantId(),
                            id,
                            new WebhookRequest(url, description == null ? null : description, split(eventTypes), null),
                            user.actor()));
            model.addAttribute("saved", true);
        } catch (ApiException e) {
            model.addAttribute("sub", webhooks.get(user.tenantId(), id));
            model.addAttribute("editError", e.getMessage());
        }
        return "webhooks/subscription :: settings";
    }

    @PostMapping("/{id}/rotate-secret")
    String rotate(CurrentUser user, @PathVariable UUID id, Model model) {
        var rotated = webhooks.rotateSecret(user.tenantId(), id, user.actor());
        model.addAttribute("sub", rotated.subscription());
        model.addAttribute("secret", rotated.secret());
        return "webhooks/subscription :: secret";
    }

    @PostMapping("/{id}/remove")
    String remove(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) {
        webhooks.remove(user.tenantId(), id, user.actor());
        response.setHeader("HX-Redirect", "/settings/webhooks");
        return "webhooks/webhooks :: removed";
    }

    private static List<String> split(String types) {
        if (types == null) {
            return null;
        }
        return Arrays.stream(types.split("[,\\s]+"))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
    }
}
