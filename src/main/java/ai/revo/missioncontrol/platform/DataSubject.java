package ai.revo.missioncontrol.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The person a privacy request is about: their contact and leads, the values that identify them anywhere
 * ({@code identifiers}: e-mail addresses, phone numbers, full name), the values that identify them only in rows
 * about them ({@code names}: first and last name …), the keyed hash that replaces them, and ids of a module's own
 * rows found to be about them ({@code related}, e.g. their emails, for the tables that hang off those).
 */
public record DataSubject(
        UUID tenantId,
        UUID contactId,
        List<UUID> leadIds,
        Set<String> identifiers,
        Set<String> names,
        String hash,
        List<UUID> related) {

    public DataSubject(
            UUID tenantId,
            UUID contactId,
            List<UUID> leadIds,
            Set<String> identifiers,
            Set<String> names,
            String hash) {
        this(tenantId, contactId, leadIds, identifiers, names, hash, List.of());
    }

    /** The contact's, leads' and related rows' ids: a row about the person names one of them. */
    public List<UUID> ids() {
        List<UUID> all = new ArrayList<>();
        all.add(contactId);
        all.addAll(leadIds);
        all.addAll(related);
        return all;
    }

    /** The same subject with more of a module's own row ids that are about them. */
    public DataSubject with(List<UUID> more) {
        List<UUID> all = new ArrayList<>(related);
        all.addAll(more);
        return new DataSubject(tenantId, contactId, leadIds, identifiers, names, hash, List.copyOf(all));
    }

    /** What an erased value becomes: the keyed hash, so rows keep their structure and stay countable. */
    public String replacement() {
        return "erased:" + hash;
    }
}
