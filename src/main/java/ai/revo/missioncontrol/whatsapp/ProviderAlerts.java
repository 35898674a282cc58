package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.TenantContext;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What Meta's errors do to the workspace, each with an alert ({@code whatsapp.alert_raised}, a notification) in the
 * transaction that records its consequence: 131048 (spam rate) pauses the campaign; 190 (token rejected) stops the
 * number sending until its token is replaced; 132000/132001/132015/132016 (template refused) re-sync the templates.
 */
@Component
class ProviderAlerts {

    private static final Logger log = LoggerFactory.getLogger(ProviderAlerts.class);
    static final Set<Integer> TEMPLATE_ERRORS = Set.of(132000, 132001, 132015, 132016);

    private final WhatsAppNumberRepository numbers;
    private final CampaignManagement campaigns;
    private final WhatsAppTemplateSync sync;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ProviderAlerts(
            WhatsAppNumberRepository numbers,
            CampaignManagement campaigns,
            WhatsAppTemplateSync sync,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.numbers = numbers;
        this.campaigns = campaigns;
        this.sync = sync;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    void reported(TenantId tenant, int code, String description, UUID campaignId) {
        TenantContext.runAs(
                tenant.value(),
                () -> tx.executeWithoutResult(s -> {
                    if (code == 190) {
                        numbers.findByTenantId(tenant).ifPresent(n -> {
                            WhatsAppNumberView before = n.view();
                            n.tokenRejected(clock.instant());
                            WhatsAppNumberView after = numbers.save(n).view();
                            events.publishEvent(new WhatsAppNumberChanged(
                                    tenant.value(), "whatsapp.token_rejected", before, after, Actor.system()));
                        });
                        alert(tenant, "TOKEN_REJECTED", code, description, campaignId, false);
                    } else if (code == 131048) {
                        boolean paused = false;
                        if (campaignId != null) {
                            try {
                                if (campaigns.get(tenant, campaignId).status() == CampaignStatus.ACTIVE) {
                                    campaigns.moveTo(tenant, campaignId, CampaignStatus.PAUSED, Actor.system());
                                    paused = true;
                                }
                            } catch (ApiException e) {
                                log.warn(
                                        "Could not pause campaign {} after WhatsApp's spam rate limit: {}",
                                        campaignId,
                                        e.getMessage());
                            }
                        }
                        alert(tenant, "SPAM_RATE", code, description, campaignId, paused);
                    } else if (TEMPLATE_ERRORS.contains(code)) {
                        sync.request(tenant, "TEMPLATE_ERROR");
                        alert(tenant, "TEMPLATE_REFUSED", code, description, campaignId, false);
                    } else {
                        log.warn("WhatsApp error {} for workspace {}: {}", code, tenant.value(), description);
                    }
                }));
    }

    private void alert(
            TenantId tenant, String kind, int code, String description, UUID campaignId, boolean campaignPaused) {
        events.publishEvent(new WhatsAppAlertRaised(
                tenant.value(), kind, code, description, campaignId, campaignPaused, clock.instant()));
    }
}
