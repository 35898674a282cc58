package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.outbound.ChannelStatus;
import ai.revo.missioncontrol.platform.Actor;
import java.util.List;
import java.util.UUID;

/** What the waiting drafts can be filtered by, each with how many drafts wait for it. */
public record InboxFacets(List<CampaignCount> campaigns, List<AuthorCount> authors, List<ChannelCount> channels) {

    public record CampaignCount(UUID id, String name, long waiting) {}

    /** {@code key} is the value of the inbox's {@code author} filter. */
    public record AuthorCount(String key, Actor author, long waiting) {}

    public record ChannelCount(ChannelStatus status, long waiting) {}
}
