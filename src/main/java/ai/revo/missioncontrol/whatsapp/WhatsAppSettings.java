package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WhatsAppGraph;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A workspace's WhatsApp connection: its number, the secrets Meta gave (sealed with the installation key before
 * they are stored, never returned), the campaign new senders join, the inbound safety settings, and "test
 * connection". Callers check the role (ADMIN).
 */
@Service
public class WhatsAppSettings {

    private final WhatsAppNumberRepository numbers;
    private final SecretCipher cipher;
    private final CampaignManagement campaigns;
    private final WhatsAppGraph graph;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String publicUrl;

    WhatsAppSettings(
            WhatsAppNumberRepository numbers,
            SecretCipher cipher,
            CampaignManagement campaigns,
            WhatsAppGraph graph,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${mc.public-url:http://localhost:8080}") String publicUrl) {
        this.numbers = numbers;
        this.cipher = cipher;
        this.campaigns = campaigns;
        this.graph = graph;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** What the settings show: the number (null when none is connected) and the webhook URL to give Meta. */
    public record Overview(boolean connected, WhatsAppNumberView number, String webhookUrl) {}

    /**
     * A connection change. {@code accessToken}, {@code appSecret}, {@code verifyToken}: null keeps the stored one
     * (all three are required the first time). {@code stopKeywords}, {@code sentimentThreshold} and
     * {@code snoozePhrases} null keep theirs.
     */
    public record Change(
            String phoneNumberId,
            String businessAccountId,
            String displayNumber,
            String accessToken,
            String appSecret,
            String verifyToken,
            UUID campaignId,
            List<String> stopKeywords,
            BigDecimal sentimentThreshold,
            List<String> snoozePhrases) {}

    @Transactional(readOnly = true)
    public Overview overview(TenantId tenant) {
        Optional<WhatsAppNumber> number = numbers.findByTenantId(tenant);
        return new Overview(number.isPresent(), number.map(WhatsAppNumber::view).orElse(null), webhookUrl());
    }

    public String webhookUrl() {
        return publicUrl + "/api/v1/webhooks/whatsapp";
    }

    /**
     * Connects the number or changes it. 400 naming the field for a bad value; 409 when the phone number id is
     * connected to another workspace. Audited as {@code whatsapp.number_connected} / {@code .number_changed}.
     */
    public WhatsAppNumberView connect(TenantId tenant, Change change, Actor actor) {
        if (change == null) {
            throw ApiException.invalidField("body", "is required");
        }
        if (change.campaignId() != null) {
            try {
                campaigns.get(tenant, change.campaignId());
            } catch (ApiException e) {
                throw ApiException.invalidField("campaignId", "is not a campaign of this workspace");
            }
        }
        WhatsAppNumber.Secret token = secret("accessToken", change.accessToken(), tokenContext(tenant));
        WhatsAppNumber.Secret appSecret = secret("appSecret", change.appSecret(), appSecretContext(tenant));
        WhatsAppNumber.Secret verify = null;
        if (change.verifyToken() != null) {
            String v = change.verifyToken().trim();
            if (v.length() < 8 || v.length() > 200) {
                throw ApiException.invalidField("verifyToken", "must be 8 to 200 characters");
            }
            verify = new WhatsAppNumber.Secret(verifyTokenHash(v), SecretCipher.lastFour(v));
        }
        WhatsAppNumber.Secret verifyToken = verify;
        try {
            return tx.execute(s -> {
                var now = clock.instant();
                Optional<WhatsAppNumber> existing = numbers.findByTenantId(tenant);
                WhatsAppNumberView before = existing.map(WhatsAppNumber::view).orElse(null);
                WhatsAppNumber number = existing.orElseGet(() -> WhatsAppNumber.connect(tenant, now));
                try {
                    number.set(
                            change.phoneNumberId(),
                            change.businessAccountId(),
                            change.displayNumber(),
                            change.campaignId(),
                            token,
                            appSecret,
                            verifyToken,
                            change.stopKeywords(),
                            change.sentimentThreshold(),
                            change.snoozePhrases(),
                            now);
                } catch (InvalidWhatsAppSetting e) {
                    throw ApiException.invalidField(e.field, e.getMessage());
                }
                WhatsAppNumberView after = numbers.save(number).view();
                events.publishEvent(new WhatsAppNumberChanged(
                        tenant.value(),
                        before == null ? "whatsapp.number_connected" : "whatsapp.number_changed",
                        before,
                        after,
                        actor));
                return after;
            });
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw ApiException.conflict(
                        "This phone number id or verify token is already used by another workspace");
            }
            throw e;
        }
    }

    /**
     * Asks the Graph API for the connected number with its access token (outside any transaction) and records what
     * it answered. 404 when no number is connected.
     */
    public WhatsAppGraph.ConnectionCheck testConnection(TenantId tenant, Actor actor) {
        WhatsAppNumber number = tx.execute(s -> numbers.findByTenantId(tenant))
                .orElseThrow(() -> ApiException.notFound("WhatsApp number", "of this workspace"));
        String token = cipher.open(number.accessTokenSealed(), tokenContext(tenant));
        WhatsAppGraph.ConnectionCheck check = graph.check(number.phoneNumberId(), token);
        String message = check.ok()
                ? "Connected: " + (check.displayPhoneNumber() == null ? "" : check.displayPhoneNumber())
                        + (check.verifiedName() == null ? "" : " (" + check.verifiedName() + ")")
                : check.error();
        tx.executeWithoutResult(s -> numbers.findByTenantId(tenant).ifPresent(fresh -> {
            WhatsAppNumberView before = fresh.view();
            fresh.tested(check.ok(), message, clock.instant());
            WhatsAppNumberView after = numbers.save(fresh).view();
            events.publishEvent(
                    new WhatsAppNumberChanged(tenant.value(), "whatsapp.connection_tested", before, after, actor));
        }));
        return check;
    }

    private WhatsAppNumber.Secret secret(String field, String value, String context) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.length() < 8 || v.length() > 1000) {
            throw ApiException.invalidField(field, "must be 8 to 1000 characters");
        }
        return new WhatsAppNumber.Secret(cipher.seal(v, context), SecretCipher.lastFour(v));
    }

    static String tokenContext(TenantId tenant) {
        return "whatsapp.token:" + tenant.value();
    }

    static String appSecretContext(TenantId tenant) {
        return "whatsapp.app-secret:" + tenant.value();
    }

    static String verifyTokenHash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
