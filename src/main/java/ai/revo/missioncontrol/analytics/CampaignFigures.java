package ai.revo.missioncontrol.analytics;

import ai.revo.missioncontrol.campaigns.CampaignStatistics;
import ai.revo.missioncontrol.campaigns.CampaignStats;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Campaign statistics from the leads, drafts and outbound facades. */
@Component
class CampaignFigures implements CampaignStatistics {

    private static final Set<LeadStatus> REPLIED =
            Set.of(LeadStatus.REPLIED, LeadStatus.INTERESTED, LeadStatus.BOOKED, LeadStatus.WON);
    private static final PageQuery ONE = new PageQuery(1, 1);

    private final LeadManagement leads;
    private final DraftManagement drafts;
    private final OutboundLog outbound;

    CampaignFigures(LeadManagement leads, DraftManagement drafts, OutboundLog outbound) {
        this.leads = leads;
        this.drafts = drafts;
        this.outbound = outbound;
    }

    @Override
    public CampaignStats of(TenantId tenant, UUID campaignId) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        long replies = 0;
        for (var column : leads.pipeline(tenant, campaignId)) {
            byStatus.put(column.status().name(), column.count());
            if (REPLIED.contains(column.status())) {
                replies += column.count();
            }
        }
        long waiting = drafts.list(tenant, DraftStatus.NEEDS_APPROVAL, campaignId, null, ONE)
                .pagination()
                .total();
        long simulated = outbound.list(tenant, OutboundStatus.SIMULATED, null, campaignId, ONE)
                .pagination()
                .total();
        long sent = outbound.list(tenant, OutboundStatus.SENT, null, campaignId, ONE)
                .pagination()
                .total();
        return new CampaignStats(byStatus, waiting, simulated, sent, replies);
    }
}
