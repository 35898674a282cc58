/**
 * Owns the email channel end to end: templates, the composer's drafts, idempotent sends through a durable queue,
 * SMTP delivery with retries (through the outbound gateway), open, click and reply tracking, unsubscribe, send
 * windows and caps, and the dashboard's email figures. Publishes {@code email.*} events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Email",
        allowedDependencies = {
            "identity",
            "safety",
            "campaigns",
            "contacts",
            "drafts",
            "outbound",
            "ai",
            "sending",
            "platform :: secrets"
        })
package ai.revo.missioncontrol.email;
