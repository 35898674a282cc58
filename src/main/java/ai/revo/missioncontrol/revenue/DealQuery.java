package ai.revo.missioncontrol.revenue;

import java.util.UUID;

/** Filters of the deal list; null: any. {@code q} matches the deal's or the company's name. */
public record DealQuery(UUID stageId, UUID contactId, StageKind kind, String q) {

    public static DealQuery all() {
        return new DealQuery(null, null, null, null);
    }
}
