package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.identity.TenantId;
import java.util.List;

/**
 * What another module knows about a contact, for the contact's timeline. Modules that hold something about a
 * person (drafts, emails, tasks) implement it, so the contacts module shows one history without depending on them.
 * Called inside a read-only transaction with the tenant bound; return at most {@code limit} entries, newest first.
 */
public interface ContactTimelineSource {

    List<TimelineEntry> timeline(TenantId tenant, Subject subject, int limit);

    /** Who the timeline is about: the contact, its email and phone, and its leads in every campaign. */
    record Subject(java.util.UUID contactId, String email, String phone, List<java.util.UUID> leadIds) {}
}
