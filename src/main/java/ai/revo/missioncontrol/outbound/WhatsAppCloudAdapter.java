package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The WHATSAPP channel over Meta's WhatsApp Cloud API: free text (only within the 24-hour customer-care window,
 * refused before sending otherwise) and template messages, from the workspace's connected number
 * ({@link WhatsAppAccounts}). Meta's errors, one table:
 *
 * <ul>
 *   <li>131047 (re-engagement: outside the window) → BLOCKED_OUTSIDE_WINDOW, as if refused before sending;
 *   <li>130429 (throughput) → backs off and tries again, at most {@code mc.whatsapp.throughput-retries} times;
 *   <li>131056 (pair rate) → waits at least {@code mc.whatsapp.pair-rate-delay} (6 s) for that recipient, once;
 *   <li>131026 → FAILED: the person cannot be reached on WhatsApp;
 *   <li>131048 (spam rate) → FAILED, and the workspace is told (it pauses the campaign and alerts);
 *   <li>190 (access token expired or invalid) → BLOCKED_NOT_CONFIGURED, and the workspace is told (the number stops
 *       sending until its token is replaced);
 *   <li>132000, 132001, 132015, 132016 (template parameters, missing, paused, disabled) → FAILED without retry, the
 *       workspace is told (it re-syncs its templates).
 * </ul>
 *
 * A template is counted against the synced one before sending (BLOCKED_TEMPLATE when unknown, not APPROVED or given
 * another number of parameters). Free text outside the window is replaced by the campaign's re-engagement template
 * when it has a usable one.
 *
 * Off with {@code mc.outbound.whatsapp.enabled=false} (the tests' stand-in adapters take its place).
 */
@Component
@ConditionalOnProperty(prefix = "mc.outbound.whatsapp", name = "enabled", havingValue = "true", matchIfMissing = true)
class WhatsAppCloudAdapter implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppCloudAdapter.class);

    static final Set<Integer> TEMPLATE_ERRORS = Set.of(132000, 132001, 132015, 132016);

    private final WhatsAppGraph graph;
    private final ObjectProvider<WhatsAppAccounts> accounts;
    private final Clock clock;
    private final Duration throughputBackoff;
    private final int throughputRetries;
    private final Duration pairRateDelay;

    WhatsAppCloudAdapter(
            WhatsAppGraph graph,
            ObjectProvider<WhatsAppAccounts> accounts,
            Clock clock,
            @Value("${mc.whatsapp.throughput-backoff:1s}") Duration throughputBackoff,
            @Value("${mc.whatsapp.throughput-retries:3}") int throughputRetries,
            @Value("${mc.whatsapp.pair-rate-delay:6s}") Duration pairRateDelay) {
        this.graph = graph;
        this.accounts = accounts;
        this.clock = clock;
        this.throughputBackoff = throughputBackoff;
        this.throughputRetries = throughputRetries;
        this.pairRateDelay = pairRateDelay.compareTo(Duration.ofSeconds(6)) < 0 ? Duration.ofSeconds(6) : pairRateDelay;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public boolean isConfigured(TenantId tenant) {
        WhatsAppAccounts a = accounts.getIfAvailable();
        return a != null && a.accountOf(tenant).isPresent();
    }

    @Override
    public Optional<Refusal> refusalBeforeSending(TenantId tenant, OutboundMessage message) {
        WhatsAppAccounts a = accounts.getIfAvailable();
        if (message.whatsapp() != null && message.whatsapp().isTemplate()) {
            OutboundMessage.WhatsAppParts t = message.whatsapp();
            return a == null
                    ? Optional.empty()
                    : a.templateRefusal(
                                    tenant,
                                    t.templateName(),
                                    language(t),
                                    t.parameters().size())
                            .map(reason -> new Refusal(OutboundStatus.BLOCKED_TEMPLATE, reason));
        }
        Optional<Instant> ends = a == null ? Optional.empty() : a.windowEndsAt(tenant, message.to());
        if (ends.isPresent() && ends.get().isAfter(clock.instant())) {
            return Optional.empty();
        }
        String closed = ends.isEmpty()
                ? "The person has never written to this WhatsApp number: only an approved template may be sent"
                : "The 24-hour customer-care window closed at " + ends.get()
                        + ": only an approved template may be sent";
        Optional<OutboundMessage.WhatsAppParts> fallback = reengagement(a, tenant, message);
        if (fallback.isPresent()) {
            OutboundMessage.WhatsAppParts t = fallback.get();
            Optional<String> unusable = a.templateRefusal(
                    tenant, t.templateName(), language(t), t.parameters().size());
            if (unusable.isEmpty()) {
                return Optional.empty(); // send() puts the re-engagement template in the free text's place
            }
            return Optional.of(new Refusal(
                    OutboundStatus.BLOCKED_OUTSIDE_WINDOW,
                    closed + "; the campaign's re-engagement template cannot replace it: " + unusable.get()));
        }
        return Optional.of(new Refusal(OutboundStatus.BLOCKED_OUTSIDE_WINDOW, closed));
    }

    private static Optional<OutboundMessage.WhatsAppParts> reengagement(
            WhatsAppAccounts a, TenantId tenant, OutboundMessage message) {
        if (a == null || message.campaignId() == null) {
            return Optional.empty();
        }
        return a.reengagementTemplate(tenant, message.campaignId()).filter(OutboundMessage.WhatsAppParts::isTemplate);
    }

    private static String language(OutboundMessage.WhatsAppParts t) {
        return t.language() == null ? "en" : t.language();
    }

    /**
     * The message as it goes out: free text outside the window (allowed before sending only because the campaign
     * has a usable re-engagement template) becomes that template.
     */
    private OutboundMessage outgoing(WhatsAppAccounts a, TenantId tenant, OutboundMessage message) {
        if (message.whatsapp() != null && message.whatsapp().isTemplate()) {
            return message;
        }
        Optional<Instant> ends = a.windowEndsAt(tenant, message.to());
        if (ends.isPresent() && ends.get().isAfter(clock.instant())) {
            return message;
        }
        return reengagement(a, tenant, message)
                .map(t -> new OutboundMessage(
                        message.channel(),
                        message.to(),
                        message.subject(),
                        message.body(),
                        message.campaignId(),
                        message.leadId(),
                        message.draftId(),
                        message.idempotencyKey(),
                        message.requestedBy(),
                        message.email(),
                        t))
                .orElse(message);
    }

    @Override
    public Delivery send(TenantId tenant, OutboundMessage message) throws Exception {
        WhatsAppAccounts a = accounts.getObject();
        WhatsAppAccounts.Account account = a.accountOf(tenant)
                .orElseThrow(() ->
                        new ProviderRefusal(OutboundStatus.BLOCKED_NOT_CONFIGURED, "No WhatsApp number is connected"));
        OutboundMessage sending = outgoing(a, tenant, message);
        String body = body(sending);
        int throughputTries = 0;
        boolean pairWaited = false;
        while (true) {
            HttpResponse<String> response = graph.postMessage(account.phoneNumberId(), account.accessToken(), body);
            JsonNode answer = graph.parse(response.body());
            if (response.statusCode() / 100 == 2) {
                String id = answer.path("messages").path(0).path("id").asText(null);
                if (id == null) {
                    throw new IllegalStateException("WhatsApp accepted the message but returned no message id");
                }
                return new Delivery(
                        id,
                        sending == message
                                ? response.body()
                                : "Sent as the campaign's re-engagement template "
                                        + sending.whatsapp().templateName()
                                        + " (outside the 24-hour window): " + response.body());
            }
            WhatsAppGraph.GraphError error = WhatsAppGraph.GraphError.of(response.statusCode(), answer);
            switch (error.code()) {
                case 131047 ->
                    throw new ProviderRefusal(
                            OutboundStatus.BLOCKED_OUTSIDE_WINDOW,
                            "Outside the 24-hour customer-care window (" + error.describe()
                                    + "): only a template may go");
                case 130429 -> {
                    if (throughputTries++ < throughputRetries) {
                        Duration wait = throughputBackoff.multipliedBy(1L << (throughputTries - 1));
                        log.info("WhatsApp throughput limit (130429): trying again in {}", wait);
                        Thread.sleep(wait.toMillis());
                        continue;
                    }
                    throw new IllegalStateException(
                            error.describe() + "; gave up after " + throughputRetries + " retries");
                }
                case 131056 -> {
                    if (!pairWaited) {
                        pairWaited = true;
                        log.info("WhatsApp pair rate limit (131056): waiting {} for this recipient", pairRateDelay);
                        Thread.sleep(pairRateDelay.toMillis());
                        continue;
                    }
                    throw new IllegalStateException(
                            error.describe() + "; still limited after waiting " + pairRateDelay.toSeconds() + " s");
                }
                case 131026 ->
                    throw new IllegalStateException(
                            "The person cannot be reached on WhatsApp (" + error.describe() + ")");
                case 131048 -> {
                    a.providerErrorReported(tenant, error.code(), error.describe(), message.campaignId());
                    throw new IllegalStateException(
                            "Spam rate limit reached: the campaign is paused (" + error.describe() + ")");
                }
                case 190 -> {
                    a.providerErrorReported(tenant, error.code(), error.describe(), message.campaignId());
                    throw new ProviderRefusal(
                            OutboundStatus.BLOCKED_NOT_CONFIGURED,
                            "The WhatsApp access token expired or was revoked: replace it on Settings → WhatsApp ("
                                    + error.describe() + ")");
                }
                default -> {
                    if (TEMPLATE_ERRORS.contains(error.code())) {
                        a.providerErrorReported(tenant, error.code(), error.describe(), message.campaignId());
                        throw new IllegalStateException("Template refused, not retried (" + error.describe() + ")");
                    }
                    throw new IllegalStateException(error.describe());
                }
            }
        }
    }

    /** The Cloud API's message object: text, or template with the body's parameters. */
    private String body(OutboundMessage message) throws Exception {
        ObjectNode root = graph.json().createObjectNode();
        root.put("messaging_product", "whatsapp");
        root.put("recipient_type", "individual");
        root.put("to", message.to().replaceAll("[^0-9]", ""));
        OutboundMessage.WhatsAppParts parts = message.whatsapp();
        if (parts != null && parts.isTemplate()) {
            root.put("type", "template");
            ObjectNode template = root.putObject("template");
            template.put("name", parts.templateName());
            template.putObject("language").put("code", language(parts));
            if (!parts.parameters().isEmpty()) {
                ArrayNode components = template.putArray("components");
                ObjectNode bodyComponent = components.addObject();
                bodyComponent.put("type", "body");
                ArrayNode parameters = bodyComponent.putArray("parameters");
                for (String p : parts.parameters()) {
                    parameters.addObject().put("type", "text").put("text", p);
                }
            }
        } else {
            root.put("type", "text");
            ObjectNode text = root.putObject("text");
            text.put("preview_url", false);
            text.put("body", message.body());
        }
        return graph.json().writeValueAsString(root);
    }
}
