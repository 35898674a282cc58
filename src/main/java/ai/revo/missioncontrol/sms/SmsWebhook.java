package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import ai.revo.missioncontrol.platform.secrets.SecretUnreadable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Twilio's webhook for a workspace, named by the key in its URL: the {@code X-Twilio-Signature} is checked with the
 * workspace's auth token before anything is stored; then the request is stored once per MessageSid and status (a
 * status callback, or an incoming message with the status {@code received}) and queued for processing.
 */
@Service
public class SmsWebhook {

    private static final Logger log = LoggerFactory.getLogger(SmsWebhook.class);

    /** What became of a request. */
    public enum Outcome {
        /** Verified and stored; processing is queued. */
        STORED,
        /** Verified, and already stored before (Twilio repeated it): nothing more. */
        DUPLICATE,
        /** Unknown key, or a missing or wrong signature: nothing stored. */
        BAD_SIGNATURE,
        /** Verified, but without a MessageSid, or for another account: nothing stored. */
        NOT_A_MESSAGE
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper json;
    private final SmsWebhookQueue queue;
    private final TransactionTemplate tx;
    private final Clock clock;

    SmsWebhook(
            JdbcClient jdbc,
            SecretCipher cipher,
            ObjectMapper json,
            SmsWebhookQueue queue,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
        this.queue = queue;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Keyed(UUID tenant, String accountSid, String sealed) {}

    /**
     * Verifies, then stores and queues, one request. {@code urls}: the URLs Twilio may have signed (the public one
     * given to Twilio and the one this request arrived at, each with its query string); {@code params} the POST
     * parameters as sent.
     */
    public Outcome receive(String key, List<String> urls, Map<String, List<String>> params, String signature) {
        if (key == null || !key.matches("^[0-9a-f]{32}$") || signature == null || signature.isBlank()) {
            return Outcome.BAD_SIGNATURE;
        }
        Optional<Keyed> account = jdbc.sql(
                        "select tenant_id, account_sid, auth_token_sealed from sms_webhook_account(?)")
                .param(key)
                .query((rs, n) -> new Keyed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
        if (account.isEmpty()) {
            return Outcome.BAD_SIGNATURE;
        }
        Keyed a = account.get();
        String token;
        try {
            token = cipher.open(
                    a.sealed(), SmsSettings.tokenContext(TenantId.of(a.tenant().toString())));
        } catch (SecretUnreadable e) {
            log.warn("The Twilio auth token of workspace {} cannot be opened with this installation key", a.tenant());
            return Outcome.BAD_SIGNATURE;
        }
        if (!TwilioSignature.matches(signature, token, urls, params)) {
            return Outcome.BAD_SIGNATURE;
        }
        String sid = first(params, "MessageSid", "SmsSid");
        if (sid == null || sid.length() > 64 || !a.accountSid().equals(first(params, "AccountSid"))) {
            return Outcome.NOT_A_MESSAGE;
        }
        String status = first(params, "MessageStatus", "SmsStatus");
        status = status == null ? "received" : status.trim().toLowerCase(Locale.ROOT);
        if (status.isEmpty() || status.length() > 32) {
            return Outcome.NOT_A_MESSAGE;
        }
        String kind = "received".equals(status) ? "INBOUND" : "STATUS";
        Map<String, String> flat = new LinkedHashMap<>();
        params.forEach((k, v) -> flat.put(k, v.isEmpty() ? "" : v.get(0)));
        String body;
        try {
            body = json.writeValueAsString(flat);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String messageStatus = status;
        UUID id = UUID.randomUUID();
        TenantId tenant = TenantId.of(a.tenant().toString());
        boolean stored = TenantContext.callAs(
                a.tenant(),
                () -> tx.execute(s -> {
                    Timestamp now = Timestamp.from(clock.instant());
                    int rows = jdbc.sql("""
                                    insert into sms_webhook_events (id, tenant_id, kind, message_sid, message_status,
                                        params, status, received_at, created_at, updated_at)
                                    values (?, ?, ?, ?, ?, ?::jsonb, 'RECEIVED', ?, ?, ?)
                                    on conflict (tenant_id, message_sid, message_status) do nothing""")
                            .params(id, a.tenant(), kind, sid, messageStatus, body, now, now, now)
                            .update();
                    if (rows == 1) {
                        queue.enqueue(tenant, id);
                    }
                    return rows == 1;
                }));
        return stored ? Outcome.STORED : Outcome.DUPLICATE;
    }

    static String first(Map<String, List<String>> params, String... names) {
        for (String name : names) {
            List<String> v = params.get(name);
            if (v != null && !v.isEmpty() && v.get(0) != null && !v.get(0).isBlank()) {
                return v.get(0).trim();
            }
        }
        return null;
    }
}
