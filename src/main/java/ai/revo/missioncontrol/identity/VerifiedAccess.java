package ai.revo.missioncontrol.identity;

import java.time.Instant;

/** A verified access token: who it belongs to, its id and when it expires. */
public record VerifiedAccess(CurrentUser user, String tokenId, Instant expiresAt) {}
