package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes one stored Twilio webhook request (durable work, {@link SmsWebhookQueue}). A status callback moves the
 * outbound message Twilio knows by its MessageSid: {@code sent} → SENT, {@code delivered} → DELIVERED, {@code read}
 * → READ, {@code failed} and {@code undelivered} → FAILED with Twilio's ErrorCode; the gateway's receipt only moves a
 * message forward, and each MessageSid and status is stored (so processed) once. Other statuses (queued, accepted,
 * sending, scheduled, canceled) are kept and change nothing. An incoming message (status {@code received}) is
 * {@link SmsInbound}'s: an opt-out, an opt-in, a help request or a reply. Not transactional: the gateway and
 * {@link SmsInbound} keep their own.
 */
@Service
public class SmsCallbacks {

    /** Twilio's delivery error codes a person meets most, in words. */
    static final Map<String, String> DELIVERY_ERRORS = Map.of(
            "30001", "queue overflow",
            "30002", "account suspended",
            "30003", "unreachable destination handset",
            "30004", "message blocked (the recipient may have opted out)",
            "30005", "unknown destination handset",
            "30006", "landline or unreachable carrier",
            "30007", "filtered by the carrier",
            "30008", "unknown error");

    private final JdbcClient jdbc;
    private final OutboundGateway gateway;
    private final SmsInbound inbound;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    SmsCallbacks(
            JdbcClient jdbc,
            OutboundGateway gateway,
            SmsInbound inbound,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.inbound = inbound;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Stored(
            String kind, String sid, String status, JsonNode params, String state, java.time.Instant receivedAt) {}

    /** Processes the stored request {@code eventId} of {@code tenant}; a processed one is left alone. */
    public String process(TenantId tenant, UUID eventId) {
        return TenantContext.callAs(tenant.value(), () -> {
            Stored e = tx.execute(s -> jdbc.sql("""
                            select kind, message_sid, message_status, params::text, status, received_at
                            from sms_webhook_events
                            where tenant_id = ? and id = ?""")
                    .params(tenant.value(), eventId)
                    .query((rs, n) -> new Stored(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            parse(rs.getString(4)),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant()))
                    .optional()
                    .orElse(null));
            if (e == null || "PROCESSED".equals(e.state())) {
                return "nothing to do";
            }
            String outcome = "INBOUND".equals(e.kind())
                    ? inbound.received(tenant, e.sid(), e.params(), e.receivedAt())
                    : status(tenant, e);
            tx.executeWithoutResult(s -> jdbc.sql("""
                            update sms_webhook_events set status = 'PROCESSED', outcome = ?, processed_at = ?,
                                updated_at = ? where tenant_id = ? and id = ?""")
                    .params(
                            outcome,
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant()),
                            tenant.value(),
                            eventId)
                    .update());
            return outcome;
        });
    }

    private String status(TenantId tenant, Stored e) {
        String receipt = switch (e.status()) {
            case "sent" -> "SENT";
            case "delivered" -> "DELIVERED";
            case "read" -> "READ";
            case "failed", "undelivered" -> "FAILED";
            default -> null;
        };
        if (receipt == null) {
            return "Status " + e.status() + " kept; it changes nothing";
        }
        String error = null;
        if ("FAILED".equals(receipt)) {
            String code = e.params().path("ErrorCode").asText("");
            String words = DELIVERY_ERRORS.get(code);
            error = "Twilio reports the SMS " + e.status()
                    + (code.isEmpty() ? "" : " (error " + code + (words == null ? "" : ": " + words) + ")");
        }
        Optional<OutboundView> moved =
                gateway.recordReceipt(tenant, Channel.SMS, e.sid(), receipt, error, clock.instant());
        return moved.isPresent()
                ? "Receipt " + receipt + " recorded; the message is "
                        + moved.get().status()
                : "No SMS of this workspace has the MessageSid " + e.sid();
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException ex) {
            return json.createObjectNode();
        }
    }
}
