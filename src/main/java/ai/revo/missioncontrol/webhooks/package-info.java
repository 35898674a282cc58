/**
 * Owns outbound webhooks: a workspace's subscriptions (a URL and the event types it wants), delivered in order per
 * subscription from the event feed as durable work outside any transaction, signed the Standard Webhooks way, with
 * retries on a backoff schedule for up to 24 hours, a delivery log with resend, a test event, and a subscription that
 * keeps failing disabled with a notification. Reads events through the activity facade, posts through the guarded
 * {@link ai.revo.missioncontrol.outbound.WebhookPoster}. Publishes {@code webhook.*} events.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Webhooks",
        allowedDependencies = {"identity", "activity", "outbound", "platform :: secrets"})
package ai.revo.missioncontrol.webhooks;
