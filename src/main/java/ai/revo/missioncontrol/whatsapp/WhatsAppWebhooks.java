package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import ai.revo.missioncontrol.platform.secrets.SecretUnreadable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meta's webhook: the subscription handshake (verify token), and each delivery verified by its
 * {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body with a connected number's app secret, compared in constant
 * time) before anything is parsed or stored; then stored raw per workspace named by {@code metadata.phone_number_id}
 * (template status updates: by the business account, {@code entry.id}) and queued. A delivery is only ever stored for a workspace whose own app secret signed it.
 */
@Component
class WhatsAppWebhooks {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppWebhooks.class);
    private static final Pattern SIGNATURE = Pattern.compile("sha256=([0-9a-fA-F]{64})");

    /** What became of a delivery. */
    enum Outcome {
        STORED,
        NOTHING_FOR_US,
        BAD_SIGNATURE,
        NOT_JSON
    }

    record Received(Outcome outcome, List<UUID> eventIds) {}

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final WebhookQueue queue;
    private final TransactionTemplate tx;
    private final Clock clock;
    /** Opened app secrets by their sealed value: a changed secret is a new sealed value, so nothing goes stale. */
    private final Map<String, byte[]> opened = new ConcurrentHashMap<>();

    WhatsAppWebhooks(
            JdbcClient jdbc,
            SecretCipher cipher,
            ObjectMapper json,
            WebhookQueue queue,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.queue = queue;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Whether this verify token is a connected workspace's. */
    boolean verifyTokenMatches(String token) {
        return jdbc.sql("select whatsapp_tenant_of_verify_token(?)")
                .param(WhatsAppSettings.verifyTokenHash(token.trim()))
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    private record Number(UUID tenant, String phoneNumberId, String businessAccountId, String sealed) {}

    /**
     * Verifies, then stores and queues, one delivery. Nothing is parsed before the signature matched a connected
     * number's app secret; nothing is stored for a number whose own secret did not sign it.
     */
    Received receive(byte[] raw, String signatureHeader) {
        byte[] given = signature(signatureHeader);
        if (given == null) {
            return new Received(Outcome.BAD_SIGNATURE, List.of());
        }
        List<Number> numbers = jdbc.sql("select tenant_id, phone_number_id, business_account_id, app_secret_sealed"
                        + " from whatsapp_webhook_accounts()")
                .query((rs, n) ->
                        new Number(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        Set<String> signedFor = new LinkedHashSet<>();
        Map<String, UUID> tenantOf = new java.util.HashMap<>();
        Map<String, UUID> tenantOfAccount = new java.util.HashMap<>();
        boolean any = false;
        for (Number number : numbers) {
            byte[] secret = open(number);
            if (secret != null && MessageDigest.isEqual(hmac(secret, raw), given)) {
                signedFor.add(number.phoneNumberId());
                tenantOf.put(number.phoneNumberId(), number.tenant());
                tenantOfAccount.put(number.businessAccountId(), number.tenant());
                any = true;
            }
        }
        if (!any) {
            return new Received(Outcome.BAD_SIGNATURE, List.of());
        }
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (java.io.IOException e) {
            return new Received(Outcome.NOT_JSON, List.of());
        }
        Set<UUID> tenants = new LinkedHashSet<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String phoneId = change.path("value")
                        .path("metadata")
                        .path("phone_number_id")
                        .asText("");
                if (signedFor.contains(phoneId)) {
                    tenants.add(tenantOf.get(phoneId));
                } else if (WhatsAppInbound.TEMPLATE_STATUS.equals(
                                change.path("field").asText(""))
                        && tenantOfAccount.containsKey(entry.path("id").asText(""))) {
                    // template status updates name the business account (entry.id), not a number
                    tenants.add(tenantOfAccount.get(entry.path("id").asText("")));
                }
            }
        }
        if (tenants.isEmpty()) {
            return new Received(Outcome.NOTHING_FOR_US, List.of());
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        List<UUID> stored = new java.util.ArrayList<>();
        for (UUID tenant : tenants) {
            UUID id = UUID.randomUUID();
            TenantContext.runAs(
                    tenant,
                    () -> tx.executeWithoutResult(s -> {
                        Timestamp now = Timestamp.from(clock.instant());
                        jdbc.sql("""
                        insert into whatsapp_webhook_events (id, tenant_id, body, status, received_at, created_at,
                            updated_at) values (?, ?, ?, 'RECEIVED', ?, ?, ?)""").params(id, tenant, body, now, now, now).update();
                        queue.enqueue(TenantId.of(tenant.toString()), id);
                    }));
            stored.add(id);
        }
        return new Received(Outcome.STORED, stored);
    }

    private byte[] open(Number number) {
        byte[] cached = opened.get(number.sealed());
        if (cached != null) {
            return cached;
        }
        try {
            byte[] secret = cipher.open(number.sealed(), "whatsapp.app-secret:" + number.tenant())
                    .getBytes(StandardCharsets.UTF_8);
            opened.put(number.sealed(), secret);
            return secret;
        } catch (SecretUnreadable e) {
            log.warn(
                    "The WhatsApp app secret of workspace {} cannot be opened with this installation key",
                    number.tenant());
            return null;
        }
    }

    /** The 32 bytes of a well-formed {@code sha256=<64 hex>} header; null when missing or malformed. */
    static byte[] signature(String header) {
        if (header == null) {
            return null;
        }
        var m = SIGNATURE.matcher(header.trim());
        return m.matches() ? HexFormat.of().parseHex(m.group(1).toLowerCase(java.util.Locale.ROOT)) : null;
    }

    static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
