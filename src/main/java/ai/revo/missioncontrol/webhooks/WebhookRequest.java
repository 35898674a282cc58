package ai.revo.missioncontrol.webhooks;

import java.util.List;

/**
 * What a person asks for when subscribing or changing a subscription; on a change, the fields given change.
 * {@code eventTypes}: exact types ({@code deal.won}), prefixes ending in a dot ({@code lead.}) or {@code *}.
 * {@code enabled} false disables, true enables again (deliveries resume from the first event not delivered).
 */
public record WebhookRequest(String url, String description, List<String> eventTypes, Boolean enabled) {}
