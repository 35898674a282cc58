package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An approved WhatsApp template written into a conversation, the way an operator's free-form reply is: checked
 * against the workspace's approved templates (asked of {@link ConversationTemplates}), recorded in the thread at
 * once with its rendered body (QUEUED), the conversation answered (a CLOSED one reopens), and the send queued as
 * durable work; {@link ChannelConversations#deliver} hands it to the outbound gateway as a template. Called inside
 * the facade's transaction (which binds the tenant).
 */
@Component
class ConversationTemplateSends {

    static final String TYPE = "template";

    private final ConversationRepository conversations;
    private final ConversationMessageRepository messages;
    private final ConversationSendQueue queue;
    private final ObjectProvider<ConversationTemplates> templates;
    private final ObjectMapper json;
    private final Clock clock;

    ConversationTemplateSends(
            ConversationRepository conversations,
            ConversationMessageRepository messages,
            ConversationSendQueue queue,
            ObjectProvider<ConversationTemplates> templates,
            ObjectMapper json,
            Clock clock) {
        this.conversations = conversations;
        this.messages = messages;
        this.queue = queue;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    List<ConversationTemplates.TemplateOption> approved(TenantId tenant) {
        ConversationTemplates t = templates.getIfAvailable();
        return t == null ? List.of() : t.approved(tenant);
    }

    Optional<String> rendered(TenantId tenant, String name, String language, List<String> parameters) {
        ConversationTemplates t = templates.getIfAvailable();
        return t == null || name == null || language == null
                ? Optional.empty()
                : t.rendered(tenant, name, language, parameters == null ? List.of() : parameters);
    }

    /**
     * Records and queues the template (or answers the message recorded earlier under {@code key}, the thread's
     * idempotency key, whose advisory lock the caller holds). Refusals throw before anything is written.
     */
    ConversationMessage record(
            TenantId tenant,
            Conversation conversation,
            ChannelConversations.TemplateMessage request,
            String key,
            Actor actor) {
        String name = request == null || request.templateName() == null
                ? null
                : request.templateName().trim();
        String language = request == null || request.language() == null
                ? null
                : request.language().trim();
        List<String> parameters = request == null || request.parameters() == null
                ? List.of()
                : request.parameters().stream()
                        .map(p -> p == null ? null : p.strip())
                        .toList();
        String payload = payload(name, language, parameters);
        Optional<ConversationMessage> earlier = earlier(tenant, conversation.id(), key, payload);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (conversation.channel() != Channel.WHATSAPP) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "Only a WhatsApp conversation sends templates; this one is " + conversation.channel());
        }
        if (name == null || name.isEmpty()) {
            throw ApiException.invalidField("templateName", "is required");
        }
        if (language == null || language.isEmpty()) {
            throw ApiException.invalidField("language", "is required (the template's language code, e.g. en_US)");
        }
        if (parameters.stream().anyMatch(p -> p == null || p.isEmpty() || p.length() > 1024)) {
            throw ApiException.invalidField("parameters", "must be 1 to 1024 characters each");
        }
        ConversationTemplates catalog = templates.getIfAvailable();
        if (catalog == null) {
            throw ApiException.invalidField("templateName", "no approved templates are available");
        }
        boolean approved = catalog.approved(tenant).stream()
                .anyMatch(t -> t.name().equals(name) && t.language().equals(language));
        Optional<String> refusal = catalog.refusal(tenant, name, language, parameters.size());
        if (!approved) {
            throw ApiException.invalidField(
                    "templateName",
                    refusal.orElse("The template " + name + " (" + language + ") is not an approved template"));
        }
        if (refusal.isPresent()) {
            throw ApiException.invalidField("parameters", refusal.get());
        }
        String text = catalog.rendered(tenant, name, language, parameters).orElse(name);
        Instant now = clock.instant();
        ConversationMessage out = messages.save(ConversationMessage.write(
                tenant,
                conversation.id(),
                new ConversationMessage.Content(
                        Direction.OUT,
                        Channel.WHATSAPP,
                        key,
                        null,
                        null,
                        null,
                        null,
                        conversation.participant(),
                        null,
                        text,
                        actor.type() == Actor.Type.USER ? uuidOrNull(actor.id()) : null,
                        actor.name(),
                        now,
                        TYPE,
                        payload,
                        null),
                now));
        // like a free-form reply: the conversation is answered, and a CLOSED one reopens (OPEN)
        conversation.sent(out, actor, now);
        conversations.save(conversation);
        queue.enqueue(tenant, out.id());
        return out;
    }

    /** The template a recorded message carries, as the gateway sends it; null when it is not a template message. */
    OutboundMessage.WhatsAppParts parts(ConversationMessage m) {
        if (!TYPE.equals(m.messageType()) || m.payload() == null) {
            return null;
        }
        try {
            JsonNode template = json.readTree(m.payload()).path("template");
            List<String> parameters = new ArrayList<>();
            template.path("parameters").forEach(p -> parameters.add(p.asText()));
            return new OutboundMessage.WhatsAppParts(
                    template.path("name").asText(), template.path("language").asText(), parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Template message " + m.id() + " has an unreadable payload", e);
        }
    }

    private Optional<ConversationMessage> earlier(TenantId tenant, UUID id, String key, String payload) {
        Optional<ConversationMessage> earlier = messages.findByTenantIdAndExternalKey(tenant, key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().conversationId().equals(id)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was already used for another conversation");
        }
        if (!TYPE.equals(earlier.get().messageType())
                || !Objects.equals(earlier.get().payload(), payload)) {
            throw new ApiException(
                    ErrorCode.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was already used for a different message");
        }
        return earlier;
    }

    /** The template as the thread keeps it: {"template": {name, language, parameters}}. */
    private String payload(String name, String language, List<String> parameters) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name", name);
        template.put("language", language);
        template.put("parameters", parameters);
        try {
            return json.writeValueAsString(Map.of("template", template));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID uuidOrNull(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
