package ai.revo.missioncontrol.notifications;

import ai.revo.missioncontrol.agents.AgentRunChanged;
import ai.revo.missioncontrol.agents.AgentRunStatus;
import ai.revo.missioncontrol.email.EmailChanged;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.sites.SiteDataResumed;
import ai.revo.missioncontrol.sites.SiteWentSilent;
import ai.revo.missioncontrol.webhooks.WebhookSubscriptionDisabled;
import ai.revo.missioncontrol.whatsapp.WhatsAppAlertRaised;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the facts that need a person into notifications, inside the transaction that records the fact (the event
 * is published there), so a notification exists exactly when its fact does. Raising is an idempotent insert that
 * cannot fail on a repeat, so it never endangers the publisher's transaction.
 */
@Component
class NotificationTriggers {

    private final Notifications notifications;

    NotificationTriggers(Notifications notifications) {
        this.notifications = notifications;
    }

    @EventListener
    void on(EmailChanged event) {
        NotificationKind kind = switch (event.step()) {
            case EmailChanged.REPLIED -> NotificationKind.REPLY_RECEIVED;
            case EmailChanged.FAILED -> NotificationKind.SEND_FAILED;
            case EmailChanged.BOUNCED -> NotificationKind.EMAIL_BOUNCED;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("to", event.toEmail());
        facts.put("emailId", event.emailId().toString());
        if (event.details() != null && event.details().get("reason") != null) {
            facts.put("reason", String.valueOf(event.details().get("reason")));
        }
        notifications.raise(
                new TenantId(event.tenantId()),
                kind,
                kind == NotificationKind.REPLY_RECEIVED ? "INFO" : "DANGER",
                facts,
                // a reply opens its conversation in the inbox (the email itself until the conversation is filed)
                kind == NotificationKind.REPLY_RECEIVED
                        ? "/inbox/email/" + event.emailId()
                        : "/emails/" + event.emailId(),
                kind.name() + ":" + event.emailId());
    }

    @EventListener
    void on(AgentRunChanged event) {
        if (event.status() != AgentRunStatus.DEAD) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("agent", event.agent());
        facts.put("attempts", event.attempts());
        if (event.details() != null && event.details().get("error") != null) {
            facts.put("reason", String.valueOf(event.details().get("error")));
        }
        notifications.raise(
                new TenantId(event.tenantId()),
                NotificationKind.RUN_DEAD,
                "DANGER",
                facts,
                "/runs/" + event.runId(),
                "RUN_DEAD:" + event.runId() + ":" + event.attempts());
    }

    @EventListener
    void on(SiteWentSilent event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("site", event.name());
        facts.put("silentAfterMinutes", event.silentAfterMinutes());
        facts.put("lastEventAt", String.valueOf(event.lastEventAt()));
        notifications.raise(
                new TenantId(event.tenantId()),
                NotificationKind.SITE_SILENT,
                "WARNING",
                facts,
                "/sites/" + event.siteId(),
                "SITE_SILENT:" + event.siteId() + ":" + event.lastEventAt());
    }

    @EventListener
    void on(SiteDataResumed event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("site", event.name());
        facts.put("was", event.was().name());
        notifications.raise(
                new TenantId(event.tenantId()),
                NotificationKind.SITE_RESUMED,
                "INFO",
                facts,
                "/sites/" + event.siteId(),
                "SITE_RESUMED:" + event.siteId() + ":" + event.at());
    }

    /** A webhook that kept failing was disabled by the system (a person disabling one needs no notification). */
    @EventListener
    void on(WebhookSubscriptionDisabled event) {
        if (event.actor().type() != Actor.Type.SYSTEM) {
            return;
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("url", event.url());
        facts.put("reason", event.reason());
        notifications.raise(
                new TenantId(event.tenantId()),
                NotificationKind.WEBHOOK_DISABLED,
                "DANGER",
                facts,
                "/settings/webhooks/" + event.subscriptionId(),
                "WEBHOOK_DISABLED:" + event.subscriptionId() + ":"
                        + event.reason().hashCode());
    }

    /** Meta's WhatsApp error a person must act on: spam rate (campaign paused), token rejected, template refused. */
    @EventListener
    void on(WhatsAppAlertRaised event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("alert", event.kind());
        facts.put("code", event.code());
        facts.put("reason", event.description());
        facts.put("campaignPaused", event.campaignPaused());
        notifications.raise(
                new TenantId(event.tenantId()),
                NotificationKind.WHATSAPP_ALERT,
                "DANGER",
                facts,
                event.campaignId() != null && event.kind().equals("SPAM_RATE")
                        ? "/campaigns/" + event.campaignId()
                        : "/settings/whatsapp",
                // one per kind, campaign and hour: a burst of refused sends is one alert
                "WHATSAPP_ALERT:" + event.kind() + ":" + event.campaignId() + ":"
                        + event.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
    }
}
