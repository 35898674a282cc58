package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider webhooks (open, reply, bounce). In order: the signature header's form and freshness (401), the body
 * (400), the workspace owning the email (404 when none does), then, in one transaction under that workspace's
 * row-level security, the signature against its secret and the replay check (401) and the recording itself. A
 * refused request records nothing.
 */
@Component
public class EmailWebhooks {

    /** Which webhook was called. */
    public enum Kind {
        OPEN,
        REPLY,
        BOUNCE
    }

    public static final int MAX_BODY = 1_048_576;

    private final EmailWebhookSecrets secrets;
    private final EmailTracking tracking;
    private final TrackedEmails emails;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    EmailWebhooks(
            EmailWebhookSecrets secrets,
            EmailTracking tracking,
            TrackedEmails emails,
            PlatformTransactionManager transactions,
            ObjectMapper json,
            Clock clock) {
        this.secrets = secrets;
        this.tracking = tracking;
        this.emails = emails;
        this.tx = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** Handles one webhook call and answers the id of the email it was about. */
    public UUID receive(Kind kind, String signatureHeader, byte[] rawBody) {
        EmailWebhookSecrets.Signature signature = EmailWebhookSecrets.Signature.parse(signatureHeader, clock.instant());
        if (rawBody == null || rawBody.length == 0) {
            throw ApiException.invalidField("body", "is required");
        }
        if (rawBody.length > MAX_BODY) {
            throw ApiException.invalidField("body", "must be at most 1 MB");
        }
        JsonNode body;
        try {
            body = json.readTree(rawBody);
        } catch (IOException e) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        UUID emailId = uuid(body, "emailId");
        String messageId = text(body, "messageId");
        if (emailId == null && messageId == null) {
            throw ApiException.invalidField("emailId", "give emailId or messageId");
        }
        // an unknown email is answered exactly like a wrong signature: without a valid signature nobody learns
        // whether an email exists
        TenantId tenant = emails.ownerOf(emailId, messageId)
                .orElseThrow(() -> ApiException.unauthorized("Signature does not match"));
        return TenantContext.callAs(
                tenant.value(),
                () -> tx.execute(status -> {
                    secrets.accept(tenant, signature, rawBody);
                    UUID id = (emailId != null ? emails.byId(tenant, emailId) : emails.byMessageId(tenant, messageId))
                            .orElseThrow(() -> ApiException.notFound("Email", emailId != null ? emailId : messageId))
                            .id();
                    switch (kind) {
                        case OPEN -> tracking.recordOpen(tenant, id, "WEBHOOK", null);
                        case REPLY ->
                            tracking.recordReply(
                                    tenant,
                                    id,
                                    text(body, "replySubject"),
                                    text(body, "replyBody"),
                                    replyFrom(body),
                                    text(body, "replyMessageId"));
                        case BOUNCE -> {
                            JsonNode permanent = body.get("permanent");
                            if (permanent == null || !permanent.isBoolean()) {
                                throw ApiException.invalidField("permanent", "must be true or false");
                            }
                            tracking.recordBounce(tenant, id, permanent.booleanValue(), text(body, "reason"));
                        }
                    }
                    return id;
                }));
    }

    /** The reply's sender when the provider names it: an address, or 400. */
    private static String replyFrom(JsonNode body) {
        String from = text(body, "replyFrom");
        return from == null ? null : EmailSending.address("replyFrom", from, false);
    }

    private static UUID uuid(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a UUID");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return node.asText().isBlank() ? null : node.asText();
    }
}
