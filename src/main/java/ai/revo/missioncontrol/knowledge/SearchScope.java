package ai.revo.missioncontrol.knowledge;

import java.util.Set;
import java.util.UUID;

/**
 * The passages a search may answer from. Without a campaign: the whole workspace. With one: the campaign's own
 * sources, the workspace-wide sources (all of them, or only the attached ones), and the attached sources of other
 * campaigns.
 */
record SearchScope(UUID campaignId, boolean everyWorkspaceSource, Set<UUID> attached) {

    static final SearchScope WHOLE_WORKSPACE = new SearchScope(null, true, Set.of());

    SearchScope {
        attached = Set.copyOf(attached);
    }

    /** Whether a passage of {@code source}, owned by {@code owner} (null: the workspace), is in scope. */
    boolean admits(UUID owner, UUID source) {
        if (campaignId == null) {
            return true;
        }
        if (owner == null) {
            return everyWorkspaceSource || attached.contains(source);
        }
        return owner.equals(campaignId) || attached.contains(source);
    }
}
