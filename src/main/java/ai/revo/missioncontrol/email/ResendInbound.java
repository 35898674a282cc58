package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.ResendApi;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Resend's webhook for a workspace: its setting (Resend's signing secret and an API key, both sealed under the
 * installation key, shown back only as their last four characters) and the endpoint
 * {@code POST /api/v1/webhooks/email/resend/{key}}. A delivery is checked in this order: the key names a workspace,
 * the Svix headers are present and fresh, the body's size, then the signature on the raw body (401, nothing stored,
 * for any of these); only then is it parsed. An {@code email.received} event is stored once per Resend email id
 * and queued as durable work ({@link InboundEmailQueue}); the work fetches the message from Resend's API
 * ({@link ResendApi}, never on the request thread, never in a transaction) and records it through the same path
 * as Postmark's inbound ({@link InboundEmail#process}).
 */
@Service
public class ResendInbound {

    public static final String RESEND = "RESEND";

    /** Resend's events carry metadata only; a body larger than this is not one of them. */
    public static final int MAX_BODY = 1_048_576;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>\\s]+@[^<>\\s]+)>\\s*$");

    /** The Resend setting as the dashboard and API show it; never the secret or the key. */
    public record SettingsView(
            boolean connected,
            String webhookUrl,
            String webhookSecretLastFour,
            String apiKeyLastFour,
            Instant connectedAt,
            Instant updatedAt) {}

    /** What an admin sets: Resend's signing secret ({@code whsec_...}) and an API key; null keeps the current one. */
    public record Change(String webhookSecret, String apiKey) {}

    /** What a webhook delivery became: the stored inbound message (null when the event is not one we store). */
    public record Receipt(String type, UUID inboundId, boolean duplicate, boolean ignored) {}

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final InboundEmailQueue queue;
    private final ResendApi api;
    private final DeliveryEvents deliveries;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publicUrl;

    ResendInbound(
            JdbcClient jdbc,
            SecretCipher cipher,
            InboundEmailQueue queue,
            ResendApi api,
            DeliveryEvents deliveries,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            Clock clock,
            @Value("${mc.security.public-url:http://localhost:8080}") String publicUrl) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.queue = queue;
        this.api = api;
        this.deliveries = deliveries;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    // ---------------------------------------------------------------- settings

    public SettingsView settings(TenantId tenant) {
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> jdbc.sql("""
                                select inbound_key, webhook_secret_last_four, api_key_last_four, created_at, updated_at
                                from email_resend_settings where tenant_id = ?""")
                        .param(tenant.value())
                        .query((rs, n) -> new SettingsView(
                                true,
                                webhookUrl(rs.getString("inbound_key")),
                                rs.getString("webhook_secret_last_four"),
                                rs.getString("api_key_last_four"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getTimestamp("updated_at").toInstant()))
                        .optional()
                        .orElse(new SettingsView(false, null, null, null, null, null))));
    }

    /**
     * Connects Resend (both values required the first time) or replaces either value (null keeps it; the URL's key
     * stays). Audited with the last four characters only.
     */
    public SettingsView configure(TenantId tenant, Change change, Actor actor) {
        String secret = change == null ? null : blankToNull(change.webhookSecret());
        String apiKey = change == null ? null : blankToNull(change.apiKey());
        if (secret != null) {
            secret = secret.trim();
            if (secret.length() > 500 || Svix.key(secret) == null) {
                throw ApiException.invalidField(
                        "webhookSecret", "must be the webhook's signing secret as Resend shows it (whsec_...)");
            }
        }
        if (apiKey != null) {
            apiKey = apiKey.trim();
            if (apiKey.length() > 500 || apiKey.chars().anyMatch(c -> c <= ' ' || c > '~')) {
                throw ApiException.invalidField("apiKey", "must be a Resend API key (re_...)");
            }
        }
        String newSecret = secret;
        String newKey = apiKey;
        Instant now = clock.instant();
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    boolean exists = jdbc.sql("select 1 from email_resend_settings where tenant_id = ? for update")
                            .param(tenant.value())
                            .query(Integer.class)
                            .optional()
                            .isPresent();
                    if (!exists) {
                        if (newSecret == null) {
                            throw ApiException.invalidField("webhookSecret", "is required");
                        }
                        if (newKey == null) {
                            throw ApiException.invalidField("apiKey", "is required");
                        }
                        jdbc.sql("""
                        insert into email_resend_settings (tenant_id, inbound_key, webhook_secret_sealed,
                            webhook_secret_last_four, api_key_sealed, api_key_last_four, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                                .params(
                                        tenant.value(),
                                        randomKey(),
                                        cipher.seal(newSecret, secretContext(tenant)),
                                        SecretCipher.lastFour(newSecret),
                                        cipher.seal(newKey, apiKeyContext(tenant)),
                                        SecretCipher.lastFour(newKey),
                                        Timestamp.from(now),
                                        Timestamp.from(now))
                                .update();
                    } else {
                        if (newSecret != null) {
                            jdbc.sql("""
                            update email_resend_settings set webhook_secret_sealed = ?, webhook_secret_last_four = ?,
                                updated_at = ? where tenant_id = ?""")
                                    .params(
                                            cipher.seal(newSecret, secretContext(tenant)),
                                            SecretCipher.lastFour(newSecret),
                                            Timestamp.from(now),
                                            tenant.value())
                                    .update();
                        }
                        if (newKey != null) {
                            jdbc.sql("""
                            update email_resend_settings set api_key_sealed = ?, api_key_last_four = ?, updated_at = ?
                            where tenant_id = ?""")
                                    .params(
                                            cipher.seal(newKey, apiKeyContext(tenant)),
                                            SecretCipher.lastFour(newKey),
                                            Timestamp.from(now),
                                            tenant.value())
                                    .update();
                        }
                    }
                    events.publishEvent(new InboundEmailSettingsChanged(
                            tenant.value(),
                            exists ? InboundEmailSettingsChanged.ROTATED : InboundEmailSettingsChanged.CONNECTED,
                            RESEND,
                            newSecret == null ? null : SecretCipher.lastFour(newSecret),
                            now,
                            actor));
                }));
        return settings(tenant);
    }

    /** Turns Resend off: its URL answers 401 from now on. 404 when it was not on. */
    public void disconnect(TenantId tenant, Actor actor) {
        Instant now = clock.instant();
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    int removed = jdbc.sql("delete from email_resend_settings where tenant_id = ?")
                            .param(tenant.value())
                            .update();
                    if (removed == 0) {
                        throw new ApiException(ErrorCode.NOT_FOUND, "Resend is not connected");
                    }
                    events.publishEvent(new InboundEmailSettingsChanged(
                            tenant.value(), InboundEmailSettingsChanged.DISCONNECTED, RESEND, null, now, actor));
                }));
    }

    private String webhookUrl(String key) {
        return publicUrl + "/api/v1/webhooks/email/resend/" + key;
    }

    private static String secretContext(TenantId tenant) {
        return "email.resend.webhook-secret:" + tenant.value();
    }

    private static String apiKeyContext(TenantId tenant) {
        return "email.resend.api-key:" + tenant.value();
    }

    // ---------------------------------------------------------------- the webhook

    /** The Svix headers of a delivery. */
    public record SvixHeaders(String id, String timestamp, String signature) {}

    /** The raw body and what was said of its length; read only once the key and the headers passed. */
    public record Verified(TenantId tenant, String svixId, byte[] raw) {}

    /**
     * Authenticates one delivery on its raw body: 401 for an unknown key, missing, stale or wrong signature; 413
     * for a body over 1 MB. Nothing is parsed before the signature matched.
     */
    public Verified verify(String key, SvixHeaders headers, long contentLength, InboundEmail.Body body)
            throws IOException {
        Instant now = clock.instant();
        Svix.checkHeaders(headers.id(), headers.timestamp(), headers.signature(), now);
        Optional<Object[]> found = Optional.empty();
        if (key != null && key.matches("[a-z0-9]{24,80}")) {
            found = jdbc.sql("select tenant_id, webhook_secret_sealed from email_resend_of_key(?)")
                    .param(key)
                    .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                    .optional();
        }
        if (found.isEmpty()) {
            throw ApiException.unauthorized("The Resend webhook signature does not match");
        }
        TenantId tenant = new TenantId((UUID) found.get()[0]);
        if (contentLength > MAX_BODY) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The webhook body is larger than " + MAX_BODY + " bytes");
        }
        byte[] raw;
        try (InputStream in = body.open()) {
            raw = in.readNBytes(MAX_BODY + 1);
        }
        if (raw.length > MAX_BODY) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE, "The webhook body is larger than " + MAX_BODY + " bytes");
        }
        String secret = cipher.open((String) found.get()[1], secretContext(tenant));
        if (!Svix.matches(secret, headers.id(), headers.timestamp(), headers.signature(), raw)) {
            throw ApiException.unauthorized("The Resend webhook signature does not match");
        }
        return new Verified(tenant, headers.id().trim(), raw);
    }

    /** One verified delivery: parsed, and stored once when it is an event we take. */
    public Receipt receive(Verified delivery) {
        JsonNode root;
        try {
            root = json.readTree(delivery.raw());
        } catch (IOException e) {
            throw ApiException.invalidField("body", "must be Resend's webhook JSON");
        }
        if (root == null || !root.isObject() || !root.path("type").isTextual()) {
            throw ApiException.invalidField("type", "is required (Resend's event type)");
        }
        String type = root.path("type").asText();
        if ("email.received".equals(type)) {
            return received(delivery, root);
        }
        DeliveryEvents.Kind kind = switch (type) {
            case "email.bounced" ->
                "Permanent"
                                .equalsIgnoreCase(root.path("data")
                                        .path("bounce")
                                        .path("type")
                                        .asText(""))
                        ? DeliveryEvents.Kind.HARD_BOUNCE
                        : DeliveryEvents.Kind.SOFT_BOUNCE;
            case "email.complained" -> DeliveryEvents.Kind.COMPLAINT;
            case "email.delivered" -> DeliveryEvents.Kind.DELIVERED;
            default -> null;
        };
        if (kind == null) {
            return new Receipt(type, null, false, true);
        }
        JsonNode data = root.path("data");
        JsonNode to = data.path("to");
        String recipient = address(to.isArray() && to.size() > 0 ? to.get(0).asText(null) : to.asText(null));
        JsonNode bounce = data.path("bounce");
        String reason = null;
        if (kind == DeliveryEvents.Kind.HARD_BOUNCE || kind == DeliveryEvents.Kind.SOFT_BOUNCE) {
            reason = String.join(
                    ": ",
                    java.util.stream.Stream.of(
                                    bounce.path("type").asText(null),
                                    bounce.path("subType").asText(null),
                                    bounce.path("message").asText(null))
                            .filter(v -> v != null && !v.isBlank())
                            .toList());
        } else if (kind == DeliveryEvents.Kind.COMPLAINT) {
            reason = "Resend email.complained";
        }
        String text = new String(delivery.raw(), StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw ApiException.invalidField("body", "must not contain NUL characters");
        }
        DeliveryEvents.Stored stored = deliveries.store(
                delivery.tenant(),
                new DeliveryEvents.Event(
                        RESEND,
                        delivery.svixId(),
                        kind,
                        recipient,
                        blankToNull(data.path("message_id").asText(null)),
                        blankToNull(reason),
                        text));
        return new Receipt(type, stored.id(), stored.duplicate(), false);
    }

    private Receipt received(Verified delivery, JsonNode root) {
        JsonNode data = root.path("data");
        String emailId = data.path("email_id").asText("").trim();
        if (emailId.isEmpty() || emailId.length() > 300) {
            throw ApiException.invalidField("data.email_id", "is required (Resend's id of the received email)");
        }
        String text = new String(delivery.raw(), StandardCharsets.UTF_8);
        if (text.indexOf('\u0000') >= 0) {
            throw ApiException.invalidField("body", "must not contain NUL characters");
        }
        TenantId tenant = delivery.tenant();
        Instant now = clock.instant();
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> {
                    UUID id = UUID.randomUUID();
                    int inserted = jdbc.sql("""
                    insert into email_inbound_messages (id, tenant_id, provider, provider_message_id, body, status,
                        from_email, subject, received_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?)
                    on conflict (tenant_id, provider, provider_message_id) do nothing""")
                            .params(
                                    id,
                                    tenant.value(),
                                    RESEND,
                                    emailId,
                                    text,
                                    truncate(address(data.path("from").asText(null)), 320),
                                    truncate(blankToNull(data.path("subject").asText(null)), 1000),
                                    Timestamp.from(now),
                                    Timestamp.from(now),
                                    Timestamp.from(now))
                            .update();
                    if (inserted == 0) {
                        UUID first = jdbc.sql("""
                        select id from email_inbound_messages
                        where tenant_id = ? and provider = ? and provider_message_id = ?""")
                                .params(tenant.value(), RESEND, emailId)
                                .query(UUID.class)
                                .single();
                        return new Receipt("email.received", first, true, false);
                    }
                    queue.enqueue(tenant, id);
                    return new Receipt("email.received", id, false, false);
                }));
    }

    // ---------------------------------------------------------------- fetching the message

    /** What fetching a stored message's content came to. */
    enum Fetch {
        /** the content is stored (now or before): process it */
        READY,
        /** the message cannot be fetched and was marked FAILED */
        FAILED
    }

    /**
     * Makes sure a stored Resend message has its content: fetched from Resend's API outside any transaction, then
     * stored. A refusal that retrying will not mend (an unknown email, a refused key, Resend not connected) marks
     * the message FAILED with the reason; anything else throws, so the durable work tries again later.
     */
    Fetch ensureContent(TenantId tenant, UUID inboundId) {
        record Pending(String provider, String emailId, String content, String status) {}
        Optional<Pending> pending = TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> jdbc.sql("""
                                select provider, provider_message_id, content, status from email_inbound_messages
                                where tenant_id = ? and id = ?""")
                        .params(tenant.value(), inboundId)
                        .query((rs, n) ->
                                new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .optional()));
        if (pending.isEmpty()
                || !RESEND.equals(pending.get().provider())
                || !"RECEIVED".equals(pending.get().status())
                || pending.get().content() != null) {
            return Fetch.READY;
        }
        Optional<String> sealed = TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(s -> jdbc.sql("select api_key_sealed from email_resend_settings where tenant_id = ?")
                        .param(tenant.value())
                        .query(String.class)
                        .optional()));
        if (sealed.isEmpty()) {
            fail(tenant, inboundId, "Resend is not connected, so the message could not be fetched");
            return Fetch.FAILED;
        }
        String apiKey = cipher.open(sealed.get(), apiKeyContext(tenant));
        ResendApi.Fetched fetched = api.receivedEmail(apiKey, pending.get().emailId());
        if (!fetched.ok()) {
            if (fetched.retryable()) {
                throw new IllegalStateException("Resend email " + pending.get().emailId() + ": " + fetched.error());
            }
            fail(tenant, inboundId, fetched.error());
            return Fetch.FAILED;
        }
        JsonNode content;
        try {
            content = json.readTree(fetched.body());
        } catch (IOException e) {
            content = null;
        }
        if (content == null || !content.isObject() || fetched.body().indexOf('\u0000') >= 0) {
            fail(tenant, inboundId, "Resend's answer is not a received email");
            return Fetch.FAILED;
        }
        String body = fetched.body();
        JsonNode parsed = content;
        Instant now = clock.instant();
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> jdbc.sql("""
                                update email_inbound_messages set content = ?, from_email = coalesce(?, from_email),
                                    subject = coalesce(?, subject), updated_at = ?
                                where tenant_id = ? and id = ? and status = 'RECEIVED' and content is null""")
                        .params(
                                body,
                                truncate(address(parsed.path("from").asText(null)), 320),
                                truncate(blankToNull(parsed.path("subject").asText(null)), 1000),
                                Timestamp.from(now),
                                tenant.value(),
                                inboundId)
                        .update()));
        return Fetch.READY;
    }

    private void fail(TenantId tenant, UUID inboundId, String error) {
        Instant now = clock.instant();
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> jdbc.sql("""
                                update email_inbound_messages set status = 'FAILED', error = ?, processed_at = ?,
                                    updated_at = ?
                                where tenant_id = ? and id = ? and status = 'RECEIVED'""")
                        .params(
                                truncate(error, 1000),
                                Timestamp.from(now),
                                Timestamp.from(now),
                                tenant.value(),
                                inboundId)
                        .update()));
    }

    // ---------------------------------------------------------------- reading Resend's received email

    /** The address of {@code "Name <a@b>"} or {@code "a@b"}; null when it is neither. */
    static String address(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ANGLE_ADDRESS.matcher(value.trim());
        String candidate = m.find() ? m.group(1) : value.trim();
        try {
            return EmailSending.address("from", candidate, false);
        } catch (ApiException notAnAddress) {
            return null;
        }
    }

    /** The value of a header in Resend's {@code headers} (an object, names in any case; or a list of name/value). */
    static String header(JsonNode headers, String name) {
        if (headers == null) {
            return null;
        }
        if (headers.isObject()) {
            var fields = headers.fields();
            while (fields.hasNext()) {
                var f = fields.next();
                if (f.getKey().equalsIgnoreCase(name)) {
                    JsonNode v = f.getValue();
                    if (v.isArray()) {
                        v = v.size() == 0 ? null : v.get(0);
                    }
                    return v == null || !v.isValueNode() ? null : blankToNull(v.asText(null));
                }
            }
        } else if (headers.isArray()) {
            for (JsonNode h : headers) {
                String n = h.path("name").asText(h.path("Name").asText(""));
                if (n.equalsIgnoreCase(name)) {
                    return blankToNull(h.path("value").asText(h.path("Value").asText(null)));
                }
            }
        }
        return null;
    }

    /** The {@code +tag} of each recipient address ({@code inbound+<tag>@domain}): our tracking address's email id. */
    static java.util.List<String> plusTags(JsonNode... lists) {
        java.util.List<String> tags = new java.util.ArrayList<>();
        for (JsonNode list : lists) {
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode to : list) {
                String a = address(to.asText(null));
                if (a == null) {
                    continue;
                }
                String local = a.substring(0, a.indexOf('@'));
                int plus = local.indexOf('+');
                if (plus >= 0 && plus < local.length() - 1 && tags.size() < 50) {
                    tags.add(local.substring(plus + 1));
                }
            }
        }
        return tags;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static String randomKey() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toLowerCase(Locale.ROOT);
    }
}
