package ai.revo.missioncontrol.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dunning reminder for one step of an invoice's schedule: DRAFTED (waits for review), SENT, NOT_SENT (the gateway
 * did not send it: {@code messageStatus} and {@code reason} say why; it can be approved again) or STOPPED (the
 * invoice was paid or voided first).
 */
public record ReminderView(
        UUID id,
        UUID invoiceId,
        int offsetDays,
        boolean finalNotice,
        LocalDate dueOn,
        String status,
        String messageStatus,
        String reason,
        String decidedBy,
        Instant createdAt,
        Instant updatedAt) {}
