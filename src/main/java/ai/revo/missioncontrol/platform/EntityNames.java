package ai.revo.missioncontrol.platform;

import java.util.Collection;
import java.util.Map;

/**
 * Names for the ids of one kind of thing (contacts, leads, campaigns, tasks, users, agents), so pages that show
 * other modules' ids, such as the live feed and the audit log, can show names instead. The module that owns the rows
 * declares a bean and reads its own tables; the reader asks each kind once per page, never once per row.
 */
public interface EntityNames {

    /** The kind answered, as events name it in {@code entityType} (e.g. {@code contact}, {@code lead}). */
    String kind();

    /**
     * The names of those of {@code ids} that exist in the workspace, in one query; ids that are unknown or not of
     * this kind's shape are left out. Runs with the workspace bound.
     */
    Map<String, String> names(TenantScoped tenant, Collection<String> ids);

    /** The ids among {@code ids} that are UUIDs, for implementations that key by UUID. */
    static java.util.List<java.util.UUID> uuids(Collection<String> ids) {
        java.util.List<java.util.UUID> out = new java.util.ArrayList<>();
        for (String id : ids) {
            try {
                out.add(java.util.UUID.fromString(id));
            } catch (IllegalArgumentException | NullPointerException notAUuid) {
                // left out: not a name this kind can have
            }
        }
        return out;
    }
}
