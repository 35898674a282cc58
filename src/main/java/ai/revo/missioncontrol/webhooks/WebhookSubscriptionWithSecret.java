package ai.revo.missioncontrol.webhooks;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A subscription with its signing secret in clear: answered once, when it is created or its secret rotated. */
public record WebhookSubscriptionWithSecret(@JsonUnwrapped WebhookSubscriptionView subscription, String secret) {}
