package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An invoice or credit note as clients read it; {@code number} is null while it is a draft. */
public record InvoiceView(
        UUID id,
        String kind,
        String number,
        InvoiceStatus status,
        UUID dealId,
        UUID contactId,
        UUID creditForId,
        String customerName,
        String customerEmail,
        String customerAddress,
        String currency,
        BigDecimal exchangeRate,
        List<Line> lines,
        BigDecimal subtotal,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal paid,
        BigDecimal balance,
        LocalDate issueDate,
        LocalDate dueDate,
        int paymentTermsDays,
        String notes,
        List<PaymentView> payments,
        Instant issuedAt,
        Instant sentAt,
        Instant paidAt,
        Instant voidedAt,
        String voidReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public record Line(
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal taxRate,
            BigDecimal net,
            BigDecimal tax,
            BigDecimal total) {}

    public record PaymentView(
            UUID id,
            BigDecimal amount,
            LocalDate paidOn,
            String method,
            String reference,
            String recordedBy,
            Instant recordedAt) {}
}
