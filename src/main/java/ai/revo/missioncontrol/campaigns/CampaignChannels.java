package ai.revo.missioncontrol.campaigns;

import ai.revo.missioncontrol.safety.Channel;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The channels a campaign reaches people through; stored as one JSON array. */
public record CampaignChannels(Set<Channel> values) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CampaignChannels {
        values = values == null || values.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(values));
    }

    @JsonValue
    public List<Channel> sorted() {
        return values.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(values));
    }
}
