package ai.revo.missioncontrol.identity;

import java.time.Instant;

/** The one-time link an admin hands to an invited user. Shown once; only its hash is stored. */
public record InvitationView(String token, String url, Instant expiresAt) {}
