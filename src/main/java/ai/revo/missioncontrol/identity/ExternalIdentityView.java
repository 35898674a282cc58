package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.UUID;

/** A linked sign-in identity as its user sees it: the provider, the e-mail it last had, when linked and last used. */
public record ExternalIdentityView(
        UUID id, String provider, String providerName, String email, Instant linkedAt, Instant lastUsedAt) {}
