package ai.revo.missioncontrol.email;

import java.util.UUID;

/** A campaign's tracking switches: the open pixel and the click redirects (both on unless turned off). */
public record TrackingSettingsView(UUID campaignId, boolean trackOpens, boolean trackLinks) {}
