package ai.revo.missioncontrol.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A dunning reminder for one step of an invoice's schedule: DRAFTED (waits for review: in the approval inbox as
 * draft {@code reviewDraftId} when the invoice's deal has a campaign, else on the dunning page), SENDING (being handed
 * to the gateway), SENT, NOT_SENT (the gateway did not send it: {@code messageStatus} and {@code reason} say why; it
 * can be approved again), REJECTED (a person refused it, {@code reason} says why) or STOPPED (the invoice was paid or
 * voided first).
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
        UUID reviewDraftId,
        Instant createdAt,
        Instant updatedAt) {}
