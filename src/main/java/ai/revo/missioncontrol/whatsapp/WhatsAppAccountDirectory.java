package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.WhatsAppAccounts;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the WhatsApp adapter: the connected number with its token (none while Meta refuses the token), when a
 * person's 24-hour customer-care window ends (24 hours after their latest message), and what to do about Meta's
 * errors ({@link ProviderAlerts}), whether a template may be sent, and a campaign's re-engagement template.
 */
@Service
public class WhatsAppAccountDirectory implements WhatsAppAccounts {

    static final Duration WINDOW = Duration.ofHours(24);

    private final WhatsAppNumberRepository numbers;
    private final SecretCipher cipher;
    private final JdbcClient jdbc;
    private final ProviderAlerts alerts;
    private final WhatsAppTemplates templates;
    private final WhatsAppCampaignSettings campaignSettings;

    WhatsAppAccountDirectory(
            WhatsAppNumberRepository numbers,
            SecretCipher cipher,
            JdbcClient jdbc,
            ProviderAlerts alerts,
            WhatsAppTemplates templates,
            WhatsAppCampaignSettings campaignSettings) {
        this.numbers = numbers;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.alerts = alerts;
        this.templates = templates;
        this.campaignSettings = campaignSettings;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> accountOf(TenantId tenant) {
        return numbers.findByTenantId(tenant)
                .filter(n -> n.tokenRejectedAt() == null)
                .map(n -> new Account(
                        n.phoneNumberId(), cipher.open(n.accessTokenSealed(), WhatsAppSettings.tokenContext(tenant))));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> windowEndsAt(TenantId tenant, String to) {
        String digits = to == null ? "" : to.replaceAll("[^0-9]", "");
        return jdbc.sql("""
                        select max(last_inbound_at) from whatsapp_senders
                        where tenant_id = ? and (wa_id = ? or user_id = ?)""")
                .params(tenant.value(), digits, to == null ? "" : to.trim())
                .query((rs, n) -> {
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant().plus(WINDOW);
                })
                .optional();
    }

    @Override
    public void providerErrorReported(TenantId tenant, int code, String description, UUID campaignId) {
        alerts.reported(tenant, code, description, campaignId);
    }

    @Override
    public Optional<String> templateRefusal(TenantId tenant, String name, String language, int parameters) {
        return templates.refusal(tenant, name, language, parameters);
    }

    @Override
    public Optional<OutboundMessage.WhatsAppParts> reengagementTemplate(TenantId tenant, UUID campaignId) {
        return campaignSettings.reengagementTemplate(tenant, campaignId);
    }
}
