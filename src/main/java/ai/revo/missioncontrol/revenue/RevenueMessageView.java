package ai.revo.missioncontrol.revenue;

import java.time.Instant;
import java.util.UUID;

/**
 * A message revenue handed to the outbound gateway: what it was about ({@code subjectKind} INVOICE, CONTRACT or
 * REMINDER and its id), to whom, its file, and the gateway's outcome ({@code status} as the gateway decided it:
 * SENT, SIMULATED in dry run, BLOCKED_* with {@code reason}, FAILED, UNKNOWN). {@code outboundId} is the message in
 * the outbound log.
 */
public record RevenueMessageView(
        UUID id,
        UUID dealId,
        UUID invoiceId,
        String subjectKind,
        UUID subjectId,
        int attempt,
        UUID outboundId,
        String to,
        String subject,
        String attachment,
        String status,
        String reason,
        String requestedBy,
        Instant createdAt) {

    /** Whether the message left (the gateway handed it to the provider and it accepted it). */
    public boolean sent() {
        return "SENT".equals(status);
    }
}
