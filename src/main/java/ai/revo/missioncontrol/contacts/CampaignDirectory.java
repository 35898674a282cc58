package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The campaign names the contact pages show, implemented by the campaigns module (which knows contacts, not the
 * other way round).
 */
public interface CampaignDirectory {

    /** The names of the given campaigns of the workspace; ids of other workspaces are simply absent. */
    Map<UUID, String> names(TenantId tenant, Collection<UUID> campaignIds);

    /** The campaigns a person can enrol a contact in (not completed or archived), by name. */
    List<Option> enrollable(TenantId tenant);

    record Option(UUID id, String name) {}
}
