package ai.revo.missioncontrol.campaigns;

import java.util.EnumSet;
import java.util.Set;

/** A campaign's lifecycle; the allowed moves live here and nowhere else. */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    PAUSED,
    COMPLETED,
    ARCHIVED;

    public Set<CampaignStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE, ARCHIVED);
            case ACTIVE -> EnumSet.of(PAUSED, COMPLETED, ARCHIVED);
            case PAUSED -> EnumSet.of(ACTIVE, COMPLETED, ARCHIVED);
            case COMPLETED -> EnumSet.of(ARCHIVED);
            case ARCHIVED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    public boolean canMoveTo(CampaignStatus target) {
        return next().contains(target);
    }
}
