package ai.revo.missioncontrol.campaigns;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.revo.missioncontrol.safety.Channel;

/** The channels a campaign reaches people through; stored as one JSON array. */
public record CampaignChannels(Set<Channel> values) {

    public CampaignChannels {
        values = values == null || values.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(values));
    }

    public List<Channel> sorted() {
        return values.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(values));
    }
}
