package ai.revo.missioncontrol.identity;

import java.time.Instant;
import java.util.UUID;

/** An instance operator: a user who runs the installation (not only their own workspace). */
public record OperatorView(UserId userId, String email, UUID grantedBy, Instant since) {}
