package ai.revo.missioncontrol.webhooks.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.webhooks.WebhookDeliveryView;
import ai.revo.missioncontrol.webhooks.WebhookRequest;
import ai.revo.missioncontrol.webhooks.WebhookSubscriptionView;
import ai.revo.missioncontrol.webhooks.WebhookSubscriptionWithSecret;
import ai.revo.missioncontrol.webhooks.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound webhook subscriptions, admins only: a receiver URL (a Zapier or n8n hook) is itself a credential.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Webhooks")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping("/api/v1/webhook-subscriptions")
    @Operation(summary = "The workspace's outbound webhook subscriptions (never their secrets)")
    PageResult<WebhookSubscriptionView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return webhooks.list(user.tenantId(), new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/webhook-subscriptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Subscribe a URL to event types; the signing secret is in this answer only",
            description = "eventTypes: exact types (deal.won), prefixes ending in a dot (lead.) or *. Each delivery "
                    + "is {id, type, timestamp, data}, signed the Standard Webhooks way (webhook-id, "
                    + "webhook-timestamp, webhook-signature: v1,<base64 HMAC-SHA256>). The URL must be http(s) on a "
                    + "public address unless its host is in MC_WEBHOOKS_ALLOWED_HOSTS.")
    WebhookSubscriptionWithSecret create(CurrentUser user, @RequestBody(required = false) WebhookRequest body) {
        return webhooks.create(user.tenantId(), body, user.actor());
    }

    @GetMapping("/api/v1/webhook-subscriptions/{id}")
    @Operation(summary = "One subscription")
    WebhookSubscriptionView get(CurrentUser user, @PathVariable UUID id) {
        return webhooks.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/webhook-subscriptions/{id}")
    @Operation(summary = "Change a subscription: fields given change; enabled false/true disables or enables")
    WebhookSubscriptionView change(
            CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) WebhookRequest body) {
        return webhooks.change(user.tenantId(), id, body, user.actor());
    }

    @DeleteMapping("/api/v1/webhook-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a subscription and its delivery log")
    void remove(CurrentUser user, @PathVariable UUID id) {
        webhooks.remove(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/webhook-subscriptions/{id}/rotate-secret")
    @Operation(
            summary = "Give the subscription a new signing secret, in this answer only",
            description = "For MC_WEBHOOKS_SECRET_GRACE (24 h) every delivery carries two signatures, one per secret.")
    WebhookSubscriptionWithSecret rotate(CurrentUser user, @PathVariable UUID id) {
        return webhooks.rotateSecret(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/webhook-subscriptions/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a webhook.test event now; its delivery shows the outcome")
    WebhookDeliveryView test(CurrentUser user, @PathVariable UUID id) {
        return webhooks.sendTest(user.tenantId(), id, user.actor());
    }

    @GetMapping("/api/v1/webhook-subscriptions/{id}/deliveries")
    @Operation(summary = "The subscription's deliveries, newest first (status: PENDING, RETRYING, DELIVERED, FAILED)")
    PageResult<WebhookDeliveryView> deliveries(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return webhooks.deliveries(user.tenantId(), id, status, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}")
    @Operation(summary = "One delivery with the body as sent")
    Map<String, Object> delivery(CurrentUser user, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.delivery(user.tenantId(), id, deliveryId);
    }

    @PostMapping("/api/v1/webhook-subscriptions/{id}/deliveries/{deliveryId}/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a delivery again with the same body and webhook-id")
    WebhookDeliveryView resend(CurrentUser user, @PathVariable UUID id, @PathVariable UUID deliveryId) {
        return webhooks.resend(user.tenantId(), id, deliveryId, user.actor());
    }
}
