package ai.revo.missioncontrol.identity;

import java.time.Instant;

/**
 * The workspace's own settings as its users see them: name, time zone (schedules, the daily figures), default phone
 * region (numbers without a country code, e.g. in imports, become E.164 in it) and its logo, if any.
 */
public record WorkspaceSettingsView(
        TenantId id, String name, String timeZone, String phoneRegion, Logo logo, Instant updatedAt) {

    /** The logo's description; its bytes are read with {@link WorkspaceSettings#logoImage}. */
    public record Logo(String contentType, int width, int height, int bytes, Instant updatedAt) {}
}
