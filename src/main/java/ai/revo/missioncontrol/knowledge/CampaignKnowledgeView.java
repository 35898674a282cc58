package ai.revo.missioncontrol.knowledge;

import java.util.List;
import java.util.UUID;

/**
 * Which knowledge a campaign's writers draw on. {@code everyWorkspaceSource}: every workspace-wide source (also those
 * added later) or only the attached ones; {@code attachedSourceIds}: sources the campaign uses without owning them
 * (workspace-wide ones, other campaigns'); {@code sourceIds}: every source a search for the campaign reads, its own
 * included.
 */
public record CampaignKnowledgeView(
        UUID campaignId, boolean everyWorkspaceSource, List<UUID> attachedSourceIds, List<UUID> sourceIds) {}
