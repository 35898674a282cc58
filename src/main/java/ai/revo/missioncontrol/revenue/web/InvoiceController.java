package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.revenue.InvoiceDraft;
import ai.revo.missioncontrol.revenue.InvoiceQuery;
import ai.revo.missioncontrol.revenue.InvoiceSendResult;
import ai.revo.missioncontrol.revenue.InvoiceStatus;
import ai.revo.missioncontrol.revenue.InvoiceView;
import ai.revo.missioncontrol.revenue.Invoices;
import ai.revo.missioncontrol.revenue.RevenueMessageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Invoices, payments and credit notes: read by every role, written by ADMIN and FINANCE. */
@RestController
@Tag(name = "Invoices")
class InvoiceController {

    static final String FINANCE = "hasAnyRole('ADMIN', 'FINANCE')";

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    record PaymentBody(BigDecimal amount, LocalDate paidOn, String method, String reference) {}

    record CreditBody(String reason) {}

    @GetMapping("/api/v1/invoices")
    @Operation(summary = "Invoices and credit notes, newest first; filters status, dealId, kind (INVOICE, CREDIT_NOTE)")
    PageResult<InvoiceView> list(
            CurrentUser user,
            @RequestParam(required = false) InvoiceStatus status,
            @RequestParam(required = false) UUID dealId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return invoices.list(user.tenantId(), new InvoiceQuery(status, dealId, kind), new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(FINANCE)
    @Operation(
            summary =
                    "Draft an invoice {dealId | contactId | customerName, currency, exchangeRate, lines: [{description, "
                            + "quantity, unitPrice, taxRate}], issueDate, dueDate, paymentTermsDays, notes}",
            description = "Per line: net = quantity × unit price and tax = net × rate, each half-up to the currency's "
                    + "minor unit; totals are the sums. From a deal without lines: one line for the deal's amount. A "
                    + "currency other than the deal's needs exchangeRate. No number until it is issued.")
    InvoiceView create(CurrentUser user, @RequestBody(required = false) InvoiceDraft body) {
        return invoices.create(user.tenantId(), body, user.actor());
    }

    @GetMapping("/api/v1/invoices/{id}")
    @Operation(summary = "One invoice with its lines and payments")
    InvoiceView get(CurrentUser user, @PathVariable UUID id) {
        return invoices.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/invoices/{id}")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Change a draft (lines sent replace all lines); an issued invoice is never edited (409)")
    InvoiceView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) InvoiceDraft body) {
        return invoices.change(user.tenantId(), id, body, user.actor());
    }

    @PostMapping("/api/v1/invoices/{id}/issue")
    @PreAuthorize(FINANCE)
    @Operation(summary = "Issue the draft: it gets the next gapless number of its series (INV-2026-0001)")
    InvoiceView issue(CurrentUser user, @PathVariable UUID id) {
        return invoices.issue(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/invoices/{id}/send")
    @PreAuthorize(FINANCE)
    @Operation(
            summary = "Email the issued invoice to its customer with its PDF attached; answers {invoice, message}",
            description = "Through the outbound gateway: dry run answers message.status SIMULATED and sends nothing, "
                    + "a pause, switched-off channel or suppressed address answers BLOCKED_* with the reason; only "
                    + "SENT moves an ISSUED invoice to SENT. 409 for a draft or void invoice, 422 without an email.")
    InvoiceSendResult send(CurrentUser user, @PathVariable UUID id) {
        return invoices.send(user.tenantId(), id, user.actor());
    }

    @GetMapping("/api/v1/invoices/{id}/messages")
    @Operation(summary = "The emails sent about the invoice with the gateway's outcome, oldest first")
    java.util.List<RevenueMessageView> messages(CurrentUser user, @PathVariable UUID id) {
        return invoices.messages(user.tenantId(), id);
    }

    @PostMapping("/api/v1/invoices/{id}/payments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(FINANCE)
    @Operation(
            summary = "Record a payment {amount, paidOn, method, reference}; an overpayment is refused (422)",
            description = "method: BANK_TRANSFER (default), CARD, CASH, CHECK, DIRECT_DEBIT, OTHER")
    InvoiceView pay(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) PaymentBody body) {
        if (body == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return invoices.pay(
                user.tenantId(), id, body.amount(), body.paidOn(), body.method(), body.reference(), user.actor());
    }

    @PostMapping("/api/v1/invoices/{id}/credit-note")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(FINANCE)
    @Operation(summary = "Void an unpaid issued invoice by a credit note {reason}; answers the credit note")
    InvoiceView credit(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) CreditBody body) {
        return invoices.creditNote(user.tenantId(), id, body == null ? null : body.reason(), user.actor());
    }

    @GetMapping("/api/v1/invoices/{id}/pdf")
    @Operation(summary = "The invoice or credit note as PDF")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID id) {
        InvoiceView invoice = invoices.get(user.tenantId(), id);
        String name = (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
                .body(invoices.pdf(user.tenantId(), id));
    }
}
