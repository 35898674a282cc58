package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One line of an invoice. Its net is {@code quantity × unit price} and its tax {@code net × rate / 100}, each rounded
 * half-up to the currency's minor unit on the line (the invoice's totals are the sums of its lines).
 */
@Table("invoice_lines")
record InvoiceLine(
        TenantId tenantId,
        String description,
        BigDecimal quantity,
        BigDecimal unitPrice,
        BigDecimal taxRate,
        BigDecimal net,
        BigDecimal tax,
        BigDecimal total,
        Instant createdAt,
        Instant updatedAt) {

    /** A checked line; 400 naming {@code lines[i].field} for a bad value. */
    static InvoiceLine of(TenantId tenant, int i, InvoiceDraft.Line l, String currency, Instant now) {
        String f = "lines[" + i + "].";
        if (l == null) {
            throw ApiException.invalidField("lines[" + i + "]", "is required");
        }
        if (l.description() == null
                || l.description().isBlank()
                || l.description().strip().length() > 500) {
            throw ApiException.invalidField(f + "description", "must be 1 to 500 characters");
        }
        if (l.quantity() == null
                || l.quantity().signum() <= 0
                || l.quantity().stripTrailingZeros().scale() > 3) {
            throw ApiException.invalidField(f + "quantity", "must be above 0 with at most 3 decimals");
        }
        BigDecimal price = Money.amount(f + "unitPrice", l.unitPrice(), currency);
        BigDecimal rate = l.taxRate() == null ? BigDecimal.ZERO : l.taxRate();
        if (rate.signum() < 0
                || rate.compareTo(BigDecimal.valueOf(100)) > 0
                || rate.stripTrailingZeros().scale() > 2) {
            throw ApiException.invalidField(
                    f + "taxRate", "must be a percent between 0 and 100 with at most 2 decimals");
        }
        BigDecimal qty = l.quantity().stripTrailingZeros();
        if (qty.scale() < 0) {
            qty = qty.setScale(0);
        }
        BigDecimal net = Money.round(qty.multiply(price), currency);
        BigDecimal tax = Money.round(Money.percentOf(net, rate), currency);
        return new InvoiceLine(
                tenant,
                l.description().strip(),
                qty,
                price,
                rate.setScale(2, RoundingMode.UNNECESSARY),
                net,
                tax,
                net.add(tax),
                now,
                now);
    }

    InvoiceView.Line view() {
        return new InvoiceView.Line(description, quantity, unitPrice, taxRate, net, tax, total);
    }
}
