package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.WhatsAppAccounts;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.secrets.SecretCipher;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the WhatsApp adapter: the connected number with its token (none while Meta refuses the token), when a
 * person's 24-hour customer-care window ends (24 hours after their latest message), and what to do about Meta's
 * errors: 190 marks the token rejected; 131048 (spam rate) pauses the campaign.
 */
@Service
public class WhatsAppAccountDirectory implements WhatsAppAccounts {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppAccountDirectory.class);
    static final Duration WINDOW = Duration.ofHours(24);

    private final WhatsAppNumberRepository numbers;
    private final SecretCipher cipher;
    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WhatsAppAccountDirectory(
            WhatsAppNumberRepository numbers,
            SecretCipher cipher,
            JdbcClient jdbc,
            CampaignManagement campaigns,
            ApplicationEventPublisher events,
            Clock clock) {
        this.numbers = numbers;
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.events = events;
        this.clock = clock;
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
    @Transactional
    public void providerErrorReported(TenantId tenant, int code, String description, UUID campaignId) {
        if (code == 190) {
            numbers.findByTenantId(tenant).ifPresent(n -> {
                WhatsAppNumberView before = n.view();
                n.tokenRejected(clock.instant());
                WhatsAppNumberView after = numbers.save(n).view();
                events.publishEvent(new WhatsAppNumberChanged(
                        tenant.value(), "whatsapp.token_rejected", before, after, Actor.system()));
            });
        } else if (code == 131048 && campaignId != null) {
            try {
                if (campaigns.get(tenant, campaignId).status() == CampaignStatus.ACTIVE) {
                    campaigns.moveTo(tenant, campaignId, CampaignStatus.PAUSED, Actor.system());
                }
            } catch (ApiException e) {
                log.warn(
                        "Could not pause campaign {} after WhatsApp's spam rate limit: {}", campaignId, e.getMessage());
            }
        } else {
            log.warn("WhatsApp error {} for workspace {}: {}", code, tenant.value(), description);
        }
    }
}
