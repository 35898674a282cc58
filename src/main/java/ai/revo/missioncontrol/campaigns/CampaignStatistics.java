package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.UUID;

/**
 * Figures about a campaign that other modules know (leads, drafts, messages). Declared here and implemented by a
 * module that may read everyone, so that campaigns never depends on the modules that depend on it.
 */
public interface CampaignStatistics {

    CampaignStats of(TenantId tenant, UUID campaignId);
}
