package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.EventCategory;
import ai.revo.missioncontrol.platform.MissionEvent;
import java.util.Map;
import java.util.UUID;

/** A campaign's tracking switches changed. */
public record EmailTrackingChanged(UUID tenantId, TrackingSettingsView before, TrackingSettingsView after, Actor actor)
        implements MissionEvent {

    @Override
    public String type() {
        return "campaign.tracking.changed";
    }

    @Override
    public EventCategory category() {
        return EventCategory.SYSTEM;
    }

    @Override
    public String entityType() {
        return "campaign";
    }

    @Override
    public String entityId() {
        return after.campaignId().toString();
    }

    @Override
    public UUID campaignId() {
        return after.campaignId();
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("trackOpens", after.trackOpens(), "trackLinks", after.trackLinks());
    }

    @Override
    public Object auditBefore() {
        return before;
    }

    @Override
    public Object auditAfter() {
        return after;
    }
}
