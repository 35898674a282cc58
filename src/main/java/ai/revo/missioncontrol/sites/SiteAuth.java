package ai.revo.missioncontrol.sites;

/**
 * How a site's requests prove they come from it: a Standard Webhooks signature ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}), the shared secret in {@code x-webhook-secret}, Typeform's
 * {@code Typeform-Signature} or Webflow's {@code x-webflow-signature} with {@code x-webflow-timestamp}.
 */
public enum SiteAuth {
    STANDARD_WEBHOOKS,
    SHARED_SECRET,
    TYPEFORM,
    WEBFLOW
}
