package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.identity.TenantId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A workspace's Twilio account for SMS. The auth token is held sealed (this class never sees it in clear) with its
 * last four characters; the webhook key is the random part of the URL Twilio calls back.
 */
@Table("sms_accounts")
class SmsAccount {

    static final Pattern ACCOUNT_SID = Pattern.compile("^AC[0-9a-fA-F]{32}$");
    static final Pattern SERVICE_SID = Pattern.compile("^MG[0-9a-fA-F]{32}$");
    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String accountSid;
    private String authTokenSealed;
    private String authTokenLast4;
    private String messagingServiceSid;
    private String fromNumber;
    private final String webhookKey;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    SmsAccount(
            UUID id,
            TenantId tenantId,
            String accountSid,
            String authTokenSealed,
            String authTokenLast4,
            String messagingServiceSid,
            String fromNumber,
            String webhookKey,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.accountSid = accountSid;
        this.authTokenSealed = authTokenSealed;
        this.authTokenLast4 = authTokenLast4;
        this.messagingServiceSid = messagingServiceSid;
        this.fromNumber = fromNumber;
        this.webhookKey = webhookKey;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static SmsAccount connect(TenantId tenant, Instant now) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return new SmsAccount(
                UUID.randomUUID(),
                tenant,
                null,
                null,
                null,
                null,
                null,
                HexFormat.of().formatHex(key),
                null,
                now,
                now);
    }

    /** A replaced auth token: its sealed value and last four. */
    record Token(String sealed, String last4) {}

    /** A refused value, naming its field. */
    static final class InvalidSmsSetting extends RuntimeException {
        final String field;

        InvalidSmsSetting(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /**
     * Sets the account SID, the sender and (when given) the auth token; a new account needs the token. Blank sender
     * fields clear them; at least one of messaging service and from-number must remain.
     */
    void set(String sid, Token token, String serviceSid, String from, Instant now) {
        String s = sid == null ? null : sid.trim();
        if (s == null || !ACCOUNT_SID.matcher(s).matches()) {
            throw new InvalidSmsSetting("accountSid", "must be AC followed by 32 hexadecimal characters");
        }
        if (token == null && authTokenSealed == null) {
            throw new InvalidSmsSetting("authToken", "is required");
        }
        String service = serviceSid == null || serviceSid.isBlank() ? null : serviceSid.trim();
        if (service != null && !SERVICE_SID.matcher(service).matches()) {
            throw new InvalidSmsSetting("messagingServiceSid", "must be MG followed by 32 hexadecimal characters");
        }
        String number = from == null || from.isBlank() ? null : from.trim();
        if (number != null && !E164.matcher(number).matches()) {
            throw new InvalidSmsSetting(
                    "fromNumber", "must be a phone number in E.164 form (a + and the country code, e.g. +14155550100)");
        }
        if (service == null && number == null) {
            throw new InvalidSmsSetting("fromNumber", "a messaging service SID or a from-number is required");
        }
        accountSid = s;
        if (token != null) {
            authTokenSealed = token.sealed();
            authTokenLast4 = token.last4();
        }
        messagingServiceSid = service;
        fromNumber = number;
        updatedAt = now;
    }

    SmsAccountView view(String webhookUrl) {
        return new SmsAccountView(accountSid, authTokenLast4, messagingServiceSid, fromNumber, webhookUrl, updatedAt);
    }

    TenantId tenantId() {
        return tenantId;
    }

    String accountSid() {
        return accountSid;
    }

    String authTokenSealed() {
        return authTokenSealed;
    }

    String messagingServiceSid() {
        return messagingServiceSid;
    }

    String fromNumber() {
        return fromNumber;
    }

    String webhookKey() {
        return webhookKey;
    }
}
