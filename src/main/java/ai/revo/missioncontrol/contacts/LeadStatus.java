package ai.revo.missioncontrol.contacts;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead is in the pipeline. The allowed moves live here and nowhere else. */
public enum LeadStatus {
    NEW,
    ENRICHED,
    DRAFTED,
    APPROVED,
    CONTACTED,
    REPLIED,
    INTERESTED,
    BOOKED,
    WON,
    LOST,
    SNOOZED,
    DND;

    public Set<LeadStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(ENRICHED, DRAFTED, LOST, SNOOZED, DND);
            case ENRICHED -> EnumSet.of(DRAFTED, LOST, SNOOZED, DND);
            case DRAFTED -> EnumSet.of(APPROVED, ENRICHED, LOST, SNOOZED, DND);
            case APPROVED -> EnumSet.of(CONTACTED, DRAFTED, LOST, DND);
            case CONTACTED -> EnumSet.of(REPLIED, LOST, SNOOZED, DND);
            case REPLIED -> EnumSet.of(INTERESTED, BOOKED, LOST, SNOOZED, DND);
            case INTERESTED -> EnumSet.of(BOOKED, LOST, SNOOZED, DND);
            case BOOKED -> EnumSet.of(WON, LOST, INTERESTED);
            case SNOOZED -> EnumSet.of(NEW, CONTACTED, LOST, DND);
            case LOST -> EnumSet.of(NEW);
            case WON, DND -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    public boolean canMoveTo(LeadStatus target) {
        return next().contains(target);
    }
}
