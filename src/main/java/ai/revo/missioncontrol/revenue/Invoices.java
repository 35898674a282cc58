package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Invoices and credit notes: drafted from a deal, on a contact or by hand; issued with a gapless number; paid in one
 * or several payments; voided by a credit note; rendered as PDF. The deal and contact are read before the short
 * transaction that writes, so a missing one is a clear 400 and nothing is written.
 */
@Service
public class Invoices {

    private final InvoiceSteps steps;
    private final Deals deals;
    private final ContactManagement contacts;
    private final InvoicePdf pdf;
    private final RevenueMail mail;
    private final RevenueLetters letters;
    private final RevenueMessages messages;

    Invoices(
            InvoiceSteps steps,
            Deals deals,
            ContactManagement contacts,
            InvoicePdf pdf,
            RevenueMail mail,
            RevenueLetters letters,
            RevenueMessages messages) {
        this.steps = steps;
        this.deals = deals;
        this.contacts = contacts;
        this.pdf = pdf;
        this.mail = mail;
        this.letters = letters;
        this.messages = messages;
    }

    /**
     * Drafts an invoice. From a deal: its contact and currency; without lines, one line for the deal's amount
     * (converted by {@code exchangeRate}, half-up, when the currency differs). A currency other than the deal's
     * without {@code exchangeRate} is a 400, as is any bad field.
     */
    public InvoiceView create(TenantId tenant, InvoiceDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        DealView deal = draft.dealId() == null ? null : found("dealId", () -> deals.get(tenant, draft.dealId()));
        UUID contactId = draft.contactId() != null ? draft.contactId() : deal == null ? null : deal.contactId();
        ContactView contact = contactId == null ? null : found("contactId", () -> contacts.get(tenant, contactId));
        String currency = draft.currency() != null ? draft.currency() : deal == null ? null : deal.currency();
        List<InvoiceDraft.Line> lines = draft.lines();
        if (deal != null) {
            String c = Money.currency("currency", currency);
            if (!c.equals(deal.currency()) && draft.exchangeRate() == null) {
                throw ApiException.invalidField(
                        "exchangeRate", "is required: the invoice is in " + c + ", its deal in " + deal.currency());
            }
            if (lines == null) {
                BigDecimal price = c.equals(deal.currency())
                        ? deal.amount()
                        : Money.round(deal.amount().multiply(positive(draft.exchangeRate())), c);
                lines = List.of(new InvoiceDraft.Line(deal.name(), BigDecimal.ONE, price, BigDecimal.ZERO));
            }
        }
        InvoiceDraft complete = new InvoiceDraft(
                draft.dealId(),
                contactId,
                draft.customerName() != null
                        ? draft.customerName()
                        : contact == null
                                ? null
                                : deal != null && deal.companyName() != null
                                        ? deal.companyName()
                                        : contact.displayName(),
                draft.customerEmail() != null ? draft.customerEmail() : contact == null ? null : contact.email(),
                draft.customerAddress(),
                currency,
                draft.exchangeRate(),
                lines,
                draft.issueDate(),
                draft.dueDate(),
                draft.paymentTermsDays(),
                draft.notes());
        return steps.create(tenant, draft.dealId(), contactId, complete, actor).view();
    }

    /** Changes a draft (lines sent replace all lines); 409 once it is issued. */
    public InvoiceView change(TenantId tenant, UUID id, InvoiceDraft draft, Actor actor) {
        if (draft == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return steps.change(tenant, id, draft, actor).view();
    }

    /**
     * Issues the draft: its number is the next of its series ({@code INV-<year of issue>-0001}), its issue date today
     * in the workspace's time zone unless set, its due date the issue date plus its payment terms unless set. 422
     * without lines or a customer name, 409 when it is not a draft.
     */
    public InvoiceView issue(TenantId tenant, UUID id, Actor actor) {
        return steps.issue(tenant, id, deals.today(tenant), actor).view();
    }

    /**
     * Emails the issued invoice to its customer with its PDF attached, through the outbound gateway (dry run, the
     * channel switch, the global pause and the suppression list apply). When the gateway answers SENT an ISSUED
     * invoice becomes SENT; any other outcome (SIMULATED, BLOCKED_*, FAILED) leaves it as it was and is answered
     * with its reason. The message is kept for the deal's timeline. 409 for a draft or a void invoice, 422 without a
     * customer email. Not transactional: the gateway talks to the provider.
     */
    public InvoiceSendResult send(TenantId tenant, UUID id, Actor actor) {
        Invoice invoice = steps.load(tenant, id);
        invoice.requireSendable();
        InvoiceView v = invoice.view();
        RevenueMail.Letter letter = letters.invoice(tenant, v, pdf.render(tenant, v));
        RevenueMessageView message =
                mail.send(tenant, "INVOICE", v.id(), v.dealId(), v.id(), v.customerEmail(), letter, actor);
        InvoiceView after = message.sent()
                ? steps.sent(tenant, id, message.to(), message.outboundId(), actor)
                        .view()
                : get(tenant, id);
        return new InvoiceSendResult(after, message);
    }

    /** The messages sent about the invoice, oldest first. */
    public List<RevenueMessageView> messages(TenantId tenant, UUID id) {
        return messages.about(tenant, "INVOICE", get(tenant, id).id());
    }

    /** Records a payment (date default today in the workspace); 422 above the balance, 409 when not payable. */
    public InvoiceView pay(
            TenantId tenant,
            UUID id,
            BigDecimal amount,
            LocalDate paidOn,
            String method,
            String reference,
            Actor actor) {
        return steps.pay(tenant, id, amount, paidOn == null ? deals.today(tenant) : paidOn, method, reference, actor)
                .view();
    }

    /** Voids an unpaid issued invoice by a credit note (issued in the CN series); answers the credit note. */
    public InvoiceView creditNote(TenantId tenant, UUID id, String reason, Actor actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ApiException.invalidField("reason", "must be 1 to 500 characters");
        }
        return steps.credit(tenant, id, reason.strip(), deals.today(tenant), actor)
                .view();
    }

    /** Marks overdue the workspace's payable invoices due before today in its time zone; answers how many. */
    public int markOverdue(TenantId tenant) {
        return steps.markOverdue(tenant, deals.today(tenant));
    }

    public InvoiceView get(TenantId tenant, UUID id) {
        return steps.load(tenant, id).view();
    }

    public PageResult<InvoiceView> list(TenantId tenant, InvoiceQuery query, PageQuery page) {
        InvoiceQuery q = query == null ? InvoiceQuery.all() : query;
        return PageResult.of(steps.views(tenant, q, page.limit(), page.offset()), page, steps.count(tenant, q));
    }

    /** The invoice as a PDF (a draft's says DRAFT and has no number). */
    public byte[] pdf(TenantId tenant, UUID id) {
        return pdf.render(tenant, get(tenant, id));
    }

    /** Per currency, what OVERDUE invoices still owe. */
    public Map<String, BigDecimal> overdueReceivables(TenantId tenant) {
        return steps.overdueBalance(tenant);
    }

    private static BigDecimal positive(BigDecimal rate) {
        if (rate.signum() <= 0) {
            throw ApiException.invalidField("exchangeRate", "must be above 0");
        }
        return rate;
    }

    private static <T> T found(String field, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw ApiException.invalidField(field, "is not one of this workspace's");
            }
            throw e;
        }
    }
}
