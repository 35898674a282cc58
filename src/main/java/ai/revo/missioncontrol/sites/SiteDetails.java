package ai.revo.missioncontrol.sites;

import java.util.List;
import java.util.UUID;

/**
 * What a client says about a site when registering or changing it; on a change, a field left null keeps its value.
 * {@code silentAfter} is an ISO-8601 duration between 5 minutes and 30 days ({@code PT2H}, the default). {@code secret}
 * is only for providers that issue their own (Webflow's OAuth client secret, required for WEBFLOW; optional for
 * Typeform, which lets you paste ours); otherwise one is generated. {@code paused} pauses or resumes the site.
 */
public record SiteDetails(
        String name,
        String url,
        String purpose,
        List<String> dataTypes,
        SiteConnection connection,
        SiteAuth auth,
        UUID campaignId,
        String silentAfter,
        Boolean paused,
        SiteMapping mapping,
        String secret) {}
