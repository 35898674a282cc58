package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each workspace's secret for the email webhooks, and the check of their {@code X-MC-Signature} header:
 * {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of t.rawBody>}. A signature is accepted once: the unique key of
 * {@code webhook_signatures_seen} refuses a replay on any node for as long as the timestamp is fresh.
 */
@Service
public class EmailWebhookSecrets {

    /** How old (or how far in the future) a signature's timestamp may be. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EmailWebhookSecrets(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The workspace's webhook secret, created on first read. */
    @Transactional
    public String secret(TenantId tenant) {
        jdbc.sql("insert into email_webhook_secrets (tenant_id, secret) values (?, ?) on conflict do nothing")
                .params(tenant.value(), newSecret())
                .update();
        return jdbc.sql("select secret from email_webhook_secrets where tenant_id = ?")
                .param(tenant.value())
                .query(String.class)
                .single();
    }

    /** Replaces the secret; the old one stops working at once. Audited (the event never carries the secret). */
    @Transactional
    public String rotate(TenantId tenant, Actor actor) {
        String secret = newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into email_webhook_secrets (tenant_id, secret, rotated_at) values (?, ?, ?)
                on conflict (tenant_id) do update set secret = excluded.secret, rotated_at = excluded.rotated_at,
                    updated_at = excluded.rotated_at""")
                .params(tenant.value(), secret, java.sql.Timestamp.from(now))
                .update();
        events.publishEvent(new EmailWebhookSecretRotated(tenant.value(), now, actor));
        return secret;
    }

    /** A parsed {@code X-MC-Signature} header. */
    public record Signature(long timestamp, List<String> v1) {

        /** Parses the header and checks its timestamp; 401 when it is missing, malformed or not fresh. */
        public static Signature parse(String header, Instant now) {
            if (header == null || header.isBlank() || header.length() > 1000) {
                throw ApiException.unauthorized("X-MC-Signature is missing");
            }
            Long t = null;
            List<String> v1 = new java.util.ArrayList<>();
            for (String part : header.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2) {
                    continue;
                }
                if (kv[0].equals("t")) {
                    try {
                        t = Long.parseLong(kv[1].trim());
                    } catch (NumberFormatException e) {
                        throw ApiException.unauthorized("X-MC-Signature has a malformed timestamp");
                    }
                } else if (kv[0].equals("v1") && kv[1].trim().matches("[0-9a-fA-F]{64}")) {
                    v1.add(kv[1].trim().toLowerCase(java.util.Locale.ROOT));
                }
            }
            if (t == null || v1.isEmpty()) {
                throw ApiException.unauthorized("X-MC-Signature must be t=<unix seconds>,v1=<hex HMAC-SHA256>");
            }
            if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
                throw ApiException.unauthorized("X-MC-Signature timestamp is older than 5 minutes (or in the future)");
            }
            return new Signature(t, List.copyOf(v1));
        }
    }

    /**
     * Checks the signature against the workspace's secret and remembers it, in the caller's transaction (so a
     * request that fails later can be retried). 401 when it does not match or was seen before.
     */
    @Transactional
    public void accept(TenantId tenant, Signature signature, byte[] rawBody) {
        String secret = jdbc.sql("select secret from email_webhook_secrets where tenant_id = ?")
                .param(tenant.value())
                .query(String.class)
                .optional()
                .orElseThrow(() -> ApiException.unauthorized("Signature does not match"));
        String expected = sign(secret, signature.timestamp(), rawBody);
        String matched = signature.v1().stream()
                .filter(v -> MessageDigest.isEqual(
                        v.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .orElseThrow(() -> ApiException.unauthorized("Signature does not match"));
        Instant now = clock.instant();
        jdbc.sql("delete from webhook_signatures_seen where tenant_id = ? and expires_at < ?")
                .params(tenant.value(), java.sql.Timestamp.from(now))
                .update();
        Instant expires = Instant.ofEpochSecond(Math.max(signature.timestamp(), now.getEpochSecond()))
                .plus(TOLERANCE)
                .plusSeconds(1);
        int inserted = jdbc.sql("""
                insert into webhook_signatures_seen (tenant_id, signature, expires_at) values (?, ?, ?)
                on conflict do nothing""")
                .params(tenant.value(), signature.timestamp() + ":" + matched, java.sql.Timestamp.from(expires))
                .update();
        if (inserted == 0) {
            throw ApiException.unauthorized("This signature was already used");
        }
    }

    /** The v1 value for a body: hex HMAC-SHA256 of {@code <t>.<raw body>} with the secret. */
    public static String sign(String secret, long timestamp, byte[] rawBody) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[prefix.length + rawBody.length];
        System.arraycopy(prefix, 0, data, 0, prefix.length);
        System.arraycopy(rawBody, 0, data, prefix.length, rawBody.length);
        return HexFormat.of().formatHex(TrackingTokens.hmac(secret.getBytes(StandardCharsets.UTF_8), data));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
