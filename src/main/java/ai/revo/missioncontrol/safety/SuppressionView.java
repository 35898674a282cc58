package ai.revo.missioncontrol.safety;

import java.time.Instant;
import java.util.UUID;

/** A suppressed address as the API shows it. {@code reason} is UNSUBSCRIBED, BOUNCED, COMPLAINED, DND or MANUAL. */
public record SuppressionView(
        UUID id, Channel channel, String address, String reason, String note, String createdBy, Instant createdAt) {}
