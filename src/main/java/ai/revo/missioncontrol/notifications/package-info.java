/**
 * Owns the notifications: what needs a person (a reply received, a send failing or bouncing, an agent run gone
 * DEAD, drafts waiting past a threshold, a channel that cannot send while drafts for it wait, a site gone silent
 * and back, a webhook disabled after failing, Meta's WhatsApp errors a person must act on) and who has read
 * which. Listens to {@code email.*} and {@code agent.run.*} and {@code site.*} events inside their transaction; publishes
 * {@code notification.raised}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "identity",
            "email",
            "agents",
            "drafts",
            "outbound",
            "safety",
            "sites",
            "webhooks",
            "whatsapp"
        })
package ai.revo.missioncontrol.notifications;
