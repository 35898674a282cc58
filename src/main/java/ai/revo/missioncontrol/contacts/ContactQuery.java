package ai.revo.missioncontrol.contacts;

import java.util.UUID;

/**
 * Filters of the contact list; all optional. {@code q} searches name, email, company and phone; {@code campaignId}
 * and {@code leadStatus} keep contacts with a lead there (in that status); {@code tag} and {@code source} match
 * exactly.
 */
public record ContactQuery(String q, UUID campaignId, LeadStatus leadStatus, String tag, String source) {

    public static ContactQuery none() {
        return new ContactQuery(null, null, null, null, null);
    }
}
