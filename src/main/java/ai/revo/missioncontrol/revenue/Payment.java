package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A payment received against an invoice. */
@Table("invoice_payments")
record Payment(
        UUID paymentId,
        TenantId tenantId,
        BigDecimal amount,
        LocalDate paidOn,
        String method,
        String reference,
        String recordedBy,
        Instant recordedAt,
        Instant createdAt,
        Instant updatedAt) {

    InvoiceView.PaymentView view() {
        return new InvoiceView.PaymentView(paymentId, amount, paidOn, method, reference, recordedBy, recordedAt);
    }
}
