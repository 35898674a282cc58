package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A workspace's connected WhatsApp number. Its access token and app secret are held sealed (this class never sees
 * them in clear), the verify token only as its SHA-256 hash; each with its last four characters to recognise it.
 */
@Table("whatsapp_numbers")
class WhatsAppNumber {

    static final List<String> DEFAULT_STOP_WORDS = List.of("STOP", "UNSUBSCRIBE", "BLOCK", "SPAM", "REPORT");
    static final List<String> DEFAULT_SNOOZE_PHRASES = List.of("not now", "later", "busy", "next month");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private String phoneNumberId;
    private String businessAccountId;
    private String displayNumber;
    private UUID campaignId;
    private String accessTokenSealed;
    private String accessTokenLast4;
    private String appSecretSealed;
    private String appSecretLast4;
    private String verifyTokenHash;
    private String verifyTokenLast4;
    private String stopKeywords;
    private BigDecimal sentimentThreshold;
    private Instant tokenRejectedAt;
    private Instant lastTestAt;
    private Boolean lastTestOk;
    private String lastTestMessage;
    private String snoozePhrases;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    WhatsAppNumber(
            UUID id,
            TenantId tenantId,
            String phoneNumberId,
            String businessAccountId,
            String displayNumber,
            UUID campaignId,
            String accessTokenSealed,
            String accessTokenLast4,
            String appSecretSealed,
            String appSecretLast4,
            String verifyTokenHash,
            String verifyTokenLast4,
            String stopKeywords,
            BigDecimal sentimentThreshold,
            Instant tokenRejectedAt,
            Instant lastTestAt,
            Boolean lastTestOk,
            String lastTestMessage,
            String snoozePhrases,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.phoneNumberId = phoneNumberId;
        this.businessAccountId = businessAccountId;
        this.displayNumber = displayNumber;
        this.campaignId = campaignId;
        this.accessTokenSealed = accessTokenSealed;
        this.accessTokenLast4 = accessTokenLast4;
        this.appSecretSealed = appSecretSealed;
        this.appSecretLast4 = appSecretLast4;
        this.verifyTokenHash = verifyTokenHash;
        this.verifyTokenLast4 = verifyTokenLast4;
        this.stopKeywords = stopKeywords;
        this.sentimentThreshold = sentimentThreshold;
        this.tokenRejectedAt = tokenRejectedAt;
        this.lastTestAt = lastTestAt;
        this.lastTestOk = lastTestOk;
        this.lastTestMessage = lastTestMessage;
        this.snoozePhrases = snoozePhrases;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    static WhatsAppNumber connect(TenantId tenant, Instant now) {
        return new WhatsAppNumber(
                UUID.randomUUID(),
                tenant,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                String.join(",", DEFAULT_STOP_WORDS),
                new BigDecimal("-0.5"),
                null,
                null,
                null,
                null,
                String.join(",", DEFAULT_SNOOZE_PHRASES),
                null,
                now,
                now);
    }

    boolean isNew() {
        return version == null;
    }

    /** A secret replaced: sealed value and its last four; null leaves the stored one. */
    record Secret(String sealed, String last4) {}

    /**
     * Sets the number's ids and (when given) its secrets. A new connection needs all three secrets. {@link
     * InvalidWhatsAppSetting} names the field of a refused value.
     */
    void set(
            String phoneId,
            String accountId,
            String display,
            UUID campaign,
            Secret accessToken,
            Secret appSecret,
            Secret verifyToken,
            List<String> stopWords,
            BigDecimal threshold,
            List<String> snooze,
            Instant now) {
        phoneNumberId = digits("phoneNumberId", phoneId);
        businessAccountId = digits("businessAccountId", accountId);
        String d = display == null ? "" : display.trim();
        if (d.isEmpty() || d.length() > 32) {
            throw new InvalidWhatsAppSetting(
                    "displayNumber", "is required (at most 32 characters, e.g. +1 416 555 0100)");
        }
        displayNumber = d;
        campaignId = campaign;
        if (isNew() && (accessToken == null || appSecret == null || verifyToken == null)) {
            String missing = accessToken == null ? "accessToken" : appSecret == null ? "appSecret" : "verifyToken";
            throw new InvalidWhatsAppSetting(missing, "is required to connect a number");
        }
        if (accessToken != null) {
            accessTokenSealed = accessToken.sealed();
            accessTokenLast4 = accessToken.last4();
            tokenRejectedAt = null;
        }
        if (appSecret != null) {
            appSecretSealed = appSecret.sealed();
            appSecretLast4 = appSecret.last4();
        }
        if (verifyToken != null) {
            verifyTokenHash = verifyToken.sealed();
            verifyTokenLast4 = verifyToken.last4();
        }
        if (stopWords != null) {
            List<String> words = stopWords.stream()
                    .map(w -> w == null ? "" : w.trim().toUpperCase(Locale.ROOT))
                    .filter(w -> !w.isEmpty())
                    .distinct()
                    .toList();
            for (String w : words) {
                if (w.length() > 40 || w.contains(",")) {
                    throw new InvalidWhatsAppSetting("stopKeywords", "each word at most 40 characters, no commas");
                }
            }
            stopKeywords = String.join(",", words);
        }
        if (snooze != null) {
            List<String> phrases = snooze.stream()
                    .map(w -> w == null ? "" : w.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))
                    .filter(w -> !w.isEmpty())
                    .distinct()
                    .toList();
            for (String w : phrases) {
                if (w.length() > 60 || w.contains(",")) {
                    throw new InvalidWhatsAppSetting("snoozePhrases", "each phrase at most 60 characters, no commas");
                }
            }
            snoozePhrases = String.join(",", phrases);
        }
        if (threshold != null) {
            if (threshold.compareTo(BigDecimal.ONE.negate()) < 0 || threshold.compareTo(BigDecimal.ONE) > 0) {
                throw new InvalidWhatsAppSetting("sentimentThreshold", "must be between -1 and 1");
            }
            sentimentThreshold = threshold;
        }
        updatedAt = now;
    }

    private static String digits(String field, String value) {
        String v = value == null ? "" : value.trim();
        if (!v.matches("[0-9]{1,32}")) {
            throw new InvalidWhatsAppSetting(field, "must be Meta's numeric id (digits only)");
        }
        return v;
    }

    void tested(boolean ok, String message, Instant now) {
        lastTestAt = now;
        lastTestOk = ok;
        lastTestMessage = message;
        updatedAt = now;
    }

    void tokenRejected(Instant now) {
        tokenRejectedAt = now;
        updatedAt = now;
    }

    List<String> stopWords() {
        return stopKeywords == null || stopKeywords.isBlank() ? List.of() : Arrays.asList(stopKeywords.split(","));
    }

    List<String> snoozePhrases() {
        return snoozePhrases == null || snoozePhrases.isBlank() ? List.of() : Arrays.asList(snoozePhrases.split(","));
    }

    WhatsAppNumberView view() {
        return new WhatsAppNumberView(
                phoneNumberId,
                businessAccountId,
                displayNumber,
                campaignId,
                accessTokenLast4,
                appSecretLast4,
                verifyTokenLast4,
                stopWords(),
                sentimentThreshold.doubleValue(),
                tokenRejectedAt,
                lastTestAt,
                lastTestOk,
                lastTestMessage,
                updatedAt,
                snoozePhrases());
    }

    UUID id() {
        return id;
    }

    TenantId tenantId() {
        return tenantId;
    }

    String businessAccountId() {
        return businessAccountId;
    }

    String phoneNumberId() {
        return phoneNumberId;
    }

    UUID campaignId() {
        return campaignId;
    }

    String accessTokenSealed() {
        return accessTokenSealed;
    }

    Instant tokenRejectedAt() {
        return tokenRejectedAt;
    }

    double sentimentThreshold() {
        return sentimentThreshold.doubleValue();
    }
}
