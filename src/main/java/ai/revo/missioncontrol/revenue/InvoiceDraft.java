package ai.revo.missioncontrol.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An invoice as a client sends it. On create: from a deal ({@code dealId}: its contact, currency and, without lines, one
 * line for the deal), on a contact, or by hand ({@code customerName}). A currency other than the deal's needs
 * {@code exchangeRate} (units of the invoice's currency per unit of the deal's). On change (drafts only), a field left
 * null stays; {@code lines} sent replace all lines.
 */
public record InvoiceDraft(
        UUID dealId,
        UUID contactId,
        String customerName,
        String customerEmail,
        String customerAddress,
        String currency,
        BigDecimal exchangeRate,
        List<Line> lines,
        LocalDate issueDate,
        LocalDate dueDate,
        Integer paymentTermsDays,
        String notes) {

    /** One line: description, quantity (up to 3 decimals), unit price, tax rate in percent (default 0). */
    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal taxRate) {}
}
