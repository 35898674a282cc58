package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An invoice or a credit note. While a draft it may change freely and has no number; issuing it needs lines and gives
 * it its number (handed in by {@link InvoiceSteps} from the workspace's counter). Once issued it is never edited:
 * payments are added (never above the balance), it may fall overdue, and it is voided only by a credit note.
 */
@Table("invoices")
class Invoice extends AbstractAggregateRoot<Invoice> {

    static final Set<String> METHODS = Set.of("BANK_TRANSFER", "CARD", "CASH", "CHECK", "DIRECT_DEBIT", "OTHER");

    @Id
    private final UUID id;

    private final TenantId tenantId;
    private final String kind;
    private final UUID dealId;
    private UUID contactId;
    private final UUID creditForId;
    private String series;
    private Integer seq;
    private String number;
    private InvoiceStatus status;
    private String currency;
    private BigDecimal exchangeRate;
    private String customerName;
    private String customerEmail;
    private String customerAddress;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private int paymentTermsDays;
    private String notes;
    private BigDecimal subtotal;
    private BigDecimal tax;
    private BigDecimal total;
    private BigDecimal paid;
    private Instant issuedAt;
    private Instant sentAt;
    private Instant paidAt;
    private Instant voidedAt;
    private String voidReason;

    @MappedCollection(idColumn = "invoice_id", keyColumn = "position")
    private List<InvoiceLine> lines;

    @MappedCollection(idColumn = "invoice_id")
    private Set<Payment> payments;

    @Version
    private Long version;

    private final Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Invoice(
            UUID id,
            TenantId tenantId,
            String kind,
            UUID dealId,
            UUID contactId,
            UUID creditForId,
            String series,
            Integer seq,
            String number,
            InvoiceStatus status,
            String currency,
            BigDecimal exchangeRate,
            String customerName,
            String customerEmail,
            String customerAddress,
            LocalDate issueDate,
            LocalDate dueDate,
            int paymentTermsDays,
            String notes,
            BigDecimal subtotal,
            BigDecimal tax,
            BigDecimal total,
            BigDecimal paid,
            Instant issuedAt,
            Instant sentAt,
            Instant paidAt,
            Instant voidedAt,
            String voidReason,
            List<InvoiceLine> lines,
            Set<Payment> payments,
            Long version,
            Instant createdAt,
            Instant updatedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.kind = kind;
        this.dealId = dealId;
        this.contactId = contactId;
        this.creditForId = creditForId;
        this.series = series;
        this.seq = seq;
        this.number = number;
        this.status = status;
        this.currency = currency;
        this.exchangeRate = exchangeRate;
        this.customerName = customerName;
        this.customerEmail = customerEmail;
        this.customerAddress = customerAddress;
        this.issueDate = issueDate;
        this.dueDate = dueDate;
        this.paymentTermsDays = paymentTermsDays;
        this.notes = notes;
        this.subtotal = subtotal;
        this.tax = tax;
        this.total = total;
        this.paid = paid;
        this.issuedAt = issuedAt;
        this.sentAt = sentAt;
        this.paidAt = paidAt;
        this.voidedAt = voidedAt;
        this.voidReason = voidReason;
        this.lines = lines == null ? new ArrayList<>() : new ArrayList<>(lines);
        this.payments = payments == null ? new LinkedHashSet<>() : new LinkedHashSet<>(payments);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A draft; the draft's fields checked (a customer is needed only at issue). */
    static Invoice draft(TenantId tenant, UUID dealId, UUID contactId, InvoiceDraft d, Actor actor, Instant now) {
        String currency = Money.currency("currency", d.currency());
        Invoice i = new Invoice(
                UUID.randomUUID(),
                tenant,
                "INVOICE",
                dealId,
                contactId,
                null,
                null,
                null,
                null,
                InvoiceStatus.DRAFT,
                currency,
                null,
                null,
                null,
                null,
                null,
                null,
                30,
                null,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                Set.of(),
                null,
                now,
                now);
        i.apply(d, now);
        i.registerEvent(new InvoiceCreated(tenant.value(), i.id, dealId, currency, i.total, actor));
        return i;
    }

    /** Changes a draft; 409 once issued (an issued invoice is voided by a credit note, never edited). */
    void change(InvoiceDraft d, Actor actor, Instant now) {
        requireDraft();
        if (d.dealId() != null && !d.dealId().equals(dealId)) {
            throw ApiException.invalidField("dealId", "cannot be changed");
        }
        if (d.currency() != null
                && dealId != null
                && d.exchangeRate() == null
                && exchangeRate == null
                && !Money.currency("currency", d.currency()).equals(currency)) {
            throw ApiException.invalidField("exchangeRate", "is required for a currency other than the deal's");
        }
        if (d.currency() != null) {
            currency = Money.currency("currency", d.currency());
        }
        apply(d, now);
        updatedAt = now;
        registerEvent(new InvoiceUpdated(tenantId.value(), id, total, actor));
    }

    private void apply(InvoiceDraft d, Instant now) {
        if (d.exchangeRate() != null) {
            if (d.exchangeRate().signum() <= 0 || d.exchangeRate().precision() > 20) {
                throw ApiException.invalidField("exchangeRate", "must be above 0");
            }
            exchangeRate = d.exchangeRate();
        }
        if (d.customerName() != null) {
            customerName = text("customerName", d.customerName(), 200);
        }
        if (d.customerEmail() != null) {
            customerEmail = text("customerEmail", d.customerEmail(), 320);
        }
        if (d.customerAddress() != null) {
            customerAddress = text("customerAddress", d.customerAddress(), 1000);
        }
        if (d.notes() != null) {
            notes = text("notes", d.notes(), 4000);
        }
        if (d.paymentTermsDays() != null) {
            if (d.paymentTermsDays() < 0 || d.paymentTermsDays() > 365) {
                throw ApiException.invalidField("paymentTermsDays", "must be between 0 and 365");
            }
            paymentTermsDays = d.paymentTermsDays();
        }
        if (d.issueDate() != null) {
            issueDate = d.issueDate();
        }
        if (d.dueDate() != null) {
            dueDate = d.dueDate();
        }
        if (issueDate != null && dueDate != null && dueDate.isBefore(issueDate)) {
            throw ApiException.invalidField("dueDate", "must not be before issueDate");
        }
        if (d.lines() != null) {
            if (d.lines().size() > 200) {
                throw ApiException.invalidField("lines", "must be at most 200");
            }
            List<InvoiceLine> next = new ArrayList<>();
            for (int n = 0; n < d.lines().size(); n++) {
                next.add(InvoiceLine.of(tenantId, n, d.lines().get(n), currency, now));
            }
            lines = next;
        } else if (d.currency() != null) {
            // the same lines, checked again against the new currency's minor unit
            List<InvoiceLine> next = new ArrayList<>();
            for (int n = 0; n < lines.size(); n++) {
                InvoiceLine l = lines.get(n);
                next.add(InvoiceLine.of(
                        tenantId,
                        n,
                        new InvoiceDraft.Line(l.description(), l.quantity(), l.unitPrice(), l.taxRate()),
                        currency,
                        now));
            }
            lines = next;
        }
        totals();
    }

    private void totals() {
        BigDecimal s = Money.round(BigDecimal.ZERO, currency);
        BigDecimal t = Money.round(BigDecimal.ZERO, currency);
        for (InvoiceLine l : lines) {
            s = s.add(l.net());
            t = t.add(l.tax());
        }
        subtotal = s;
        tax = t;
        total = s.add(t);
        paid = Money.round(paid, currency);
    }

    /** The series this invoice would be numbered in, for an issue on {@code today} (the workspace's date). */
    String seriesFor(LocalDate today) {
        LocalDate on = issueDate == null ? today : issueDate;
        return (kind.equals("CREDIT_NOTE") ? "CN-" : "INV-") + on.getYear();
    }

    /** Issues the draft with its number; 422 without lines or a customer, 409 when it is no longer a draft. */
    void issue(String series, int seq, LocalDate today, Actor actor, Instant now) {
        requireIssuable();
        this.series = series;
        this.seq = seq;
        this.number = series + "-" + String.format(Locale.ROOT, "%04d", seq);
        if (issueDate == null) {
            issueDate = today;
        }
        if (dueDate == null) {
            dueDate = issueDate.plusDays(paymentTermsDays);
        }
        status = InvoiceStatus.ISSUED;
        issuedAt = now;
        updatedAt = now;
        registerEvent(new InvoiceIssued(tenantId.value(), id, kind, number, currency, total, actor));
    }

    /** The checks of {@link #issue}, made before a number is drawn. */
    void requireIssuable() {
        requireDraft();
        if (lines.isEmpty()) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE, "An invoice with no lines cannot be issued", Map.of("field", "lines"));
        }
        if (customerName == null) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "An invoice needs a customer name before it is issued",
                    Map.of("field", "customerName"));
        }
    }

    /** Records a payment; 409 when the invoice takes no payments, 422 above the balance. */
    Payment pay(BigDecimal amount, LocalDate paidOn, String method, String reference, Actor actor, Instant now) {
        if (!status.payable() || kind.equals("CREDIT_NOTE")) {
            throw ApiException.conflict("A " + status + " " + (kind.equals("CREDIT_NOTE") ? "credit note" : "invoice")
                    + " takes no payments");
        }
        BigDecimal value = Money.amount("amount", amount, currency);
        if (value.signum() == 0) {
            throw ApiException.invalidField("amount", "must be above 0");
        }
        BigDecimal balance = total.subtract(paid);
        if (value.compareTo(balance) > 0) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "The payment of " + value.toPlainString() + " " + currency + " is above the balance of "
                            + balance.toPlainString() + " " + currency + "; an overpayment is refused",
                    Map.of("field", "amount", "balance", balance.toPlainString()));
        }
        String m = method == null || method.isBlank()
                ? "BANK_TRANSFER"
                : method.strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw ApiException.invalidField(
                    "method",
                    "must be one of "
                            + String.join(", ", METHODS.stream().sorted().toList()));
        }
        Payment p = new Payment(
                UUID.randomUUID(),
                tenantId,
                value,
                paidOn,
                m,
                text("reference", reference, 200),
                actor.name(),
                now,
                now,
                now);
        payments.add(p);
        paid = paid.add(value);
        if (paid.compareTo(total) == 0) {
            status = InvoiceStatus.PAID;
            paidAt = now;
        } else if (status != InvoiceStatus.OVERDUE) {
            status = InvoiceStatus.PARTIALLY_PAID;
        }
        updatedAt = now;
        registerEvent(new InvoicePaymentRecorded(
                tenantId.value(), id, number, p.paymentId(), value, currency, total.subtract(paid), status, actor));
        return p;
    }

    /** Whether it may be emailed: issued and not void (a paid one may be sent again as a copy); 409 otherwise. */
    void requireSendable() {
        if (status == InvoiceStatus.DRAFT) {
            throw ApiException.conflict("A draft is not sent; issue it first so it has its number");
        }
        if (status == InvoiceStatus.VOID) {
            throw ApiException.conflict("Invoice " + number + " is void; it is not sent");
        }
        if (customerEmail == null) {
            throw new ApiException(
                    ErrorCode.UNPROCESSABLE,
                    "Invoice " + number + " has no customer email to send it to",
                    Map.of("field", "customerEmail"));
        }
    }

    /** The email left: an ISSUED invoice becomes SENT (later states keep theirs); {@code sentAt} is the latest send. */
    void sent(String to, UUID outboundId, Actor actor, Instant now) {
        requireSendable();
        if (status == InvoiceStatus.ISSUED) {
            status = InvoiceStatus.SENT;
        }
        sentAt = now;
        updatedAt = now;
        registerEvent(new InvoiceSent(tenantId.value(), id, number, to, outboundId, actor));
    }

    /** Marks the invoice OVERDUE when it is issued, unpaid and due before {@code today}; answers whether it did. */
    boolean markOverdueOn(LocalDate today, Instant now) {
        if (kind.equals("INVOICE")
                && (status == InvoiceStatus.ISSUED
                        || status == InvoiceStatus.SENT
                        || status == InvoiceStatus.PARTIALLY_PAID)
                && dueDate != null
                && dueDate.isBefore(today)) {
            status = InvoiceStatus.OVERDUE;
            updatedAt = now;
            registerEvent(
                    new InvoiceOverdue(tenantId.value(), id, number, dueDate, total.subtract(paid), actorSystem()));
            return true;
        }
        return false;
    }

    /** A draft credit note for this invoice (same lines, same customer); 409 for a draft, a void or a paid-on one. */
    Invoice creditNote(Actor actor, Instant now) {
        if (kind.equals("CREDIT_NOTE")) {
            throw ApiException.conflict("A credit note cannot be credited");
        }
        if (status == InvoiceStatus.DRAFT) {
            throw ApiException.conflict("A draft has no number to credit; change it instead");
        }
        if (status == InvoiceStatus.VOID) {
            throw ApiException.conflict("The invoice is already void");
        }
        if (paid.signum() > 0) {
            throw ApiException.conflict("The invoice has payments; a credit note voids only an unpaid invoice");
        }
        List<InvoiceLine> copy = new ArrayList<>(lines);
        return new Invoice(
                UUID.randomUUID(),
                tenantId,
                "CREDIT_NOTE",
                dealId,
                contactId,
                id,
                null,
                null,
                null,
                InvoiceStatus.DRAFT,
                currency,
                exchangeRate,
                customerName,
                customerEmail,
                customerAddress,
                null,
                null,
                0,
                null,
                subtotal,
                tax,
                total,
                Money.round(BigDecimal.ZERO, currency),
                null,
                null,
                null,
                null,
                null,
                copy,
                Set.of(),
                null,
                now,
                now);
    }

    /** Voids this issued invoice by {@code creditNote}. */
    void voidBy(Invoice creditNote, String reason, Actor actor, Instant now) {
        status = InvoiceStatus.VOID;
        voidedAt = now;
        voidReason = reason;
        updatedAt = now;
        registerEvent(new InvoiceVoided(tenantId.value(), id, number, creditNote.id, reason, actor));
    }

    /** A credit note needs no separate customer check: it copies its invoice's. */
    void creditNoteNotes(String reason) {
        notes = reason;
    }

    private void requireDraft() {
        if (status != InvoiceStatus.DRAFT) {
            throw ApiException.conflict("Invoice " + number + " is " + status
                    + ": an issued invoice is never edited; void it with a " + "credit note");
        }
    }

    private static Actor actorSystem() {
        return Actor.system();
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    UUID id() {
        return id;
    }

    InvoiceStatus status() {
        return status;
    }

    InvoiceView view() {
        List<InvoiceView.PaymentView> ps = payments.stream()
                .map(Payment::view)
                .sorted(java.util.Comparator.comparing(InvoiceView.PaymentView::recordedAt))
                .toList();
        return new InvoiceView(
                id,
                kind,
                number,
                status,
                dealId,
                contactId,
                creditForId,
                customerName,
                customerEmail,
                customerAddress,
                currency,
                exchangeRate,
                lines.stream().map(InvoiceLine::view).toList(),
                subtotal,
                tax,
                total,
                paid,
                total.subtract(paid),
                issueDate,
                dueDate,
                paymentTermsDays,
                notes,
                ps,
                issuedAt,
                sentAt,
                paidAt,
                voidedAt,
                voidReason,
                version == null ? 0 : version,
                createdAt,
                updatedAt);
    }
}
