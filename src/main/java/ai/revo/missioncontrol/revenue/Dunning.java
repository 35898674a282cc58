package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;

/**
 * Dunning: on the workspace's schedule (days from the due date, default 3 before, then 1, 7 and 14 after, the final
 * notice at 30), each due step of an unpaid invoice is drafted once as a reminder for review, or sent at once when
 * the workspace allows that. Reminders go out by email with the invoice's PDF through the outbound gateway (dry run,
 * switches, pause and suppression apply); a payment in full or a credit note stops the ones not yet sent in the same
 * transaction, and a sent reminder is re-checked against the invoice first. After the final notice the invoice is
 * flagged for a person. Not transactional itself: sending talks to the provider.
 */
@Service
public class Dunning {

    /** What one check did: how many reminders it drafted and how many of them it sent (auto-approve). */
    public record RunOutcome(int drafted, int sent) {}

    private final DunningSteps steps;
    private final Invoices invoices;
    private final InvoicePdf pdf;
    private final Deals deals;
    private final RevenueMail mail;
    private final RevenueLetters letters;
    private final ai.revo.missioncontrol.identity.UserManagement users;

    Dunning(
            DunningSteps steps,
            Invoices invoices,
            InvoicePdf pdf,
            Deals deals,
            RevenueMail mail,
            RevenueLetters letters,
            ai.revo.missioncontrol.identity.UserManagement users) {
        this.steps = steps;
        this.invoices = invoices;
        this.pdf = pdf;
        this.deals = deals;
        this.mail = mail;
        this.letters = letters;
        this.users = users;
    }

    public DunningSettingsView settings(TenantId tenant) {
        return steps.settings(tenant);
    }

    /**
     * Changes the schedule (null: unchanged): 1 to 10 distinct whole days between -60 and 365, the last (the final
     * notice) after the due date; 400 otherwise.
     */
    public DunningSettingsView change(TenantId tenant, List<Integer> offsets, Boolean autoApprove, Actor actor) {
        DunningSettingsView before = steps.settings(tenant);
        List<Integer> next = offsets == null ? before.offsets() : new ArrayList<>(offsets);
        if (next.isEmpty() || next.size() > 10 || next.stream().anyMatch(o -> o == null || o < -60 || o > 365)) {
            throw ApiException.invalidField("offsets", "must be 1 to 10 days between -60 and 365");
        }
        next = next.stream().sorted().toList();
        if (next.stream().distinct().count() != next.size()) {
            throw ApiException.invalidField("offsets", "must not repeat a day");
        }
        if (next.get(next.size() - 1) <= 0) {
            throw ApiException.invalidField("offsets", "the last one, the final notice, must be after the due date");
        }
        return steps.save(tenant, next, autoApprove == null ? before.autoApprove() : autoApprove);
    }

    /** The check for the workspace's today (its time zone): what the daily task runs. */
    public RunOutcome runToday(TenantId tenant) {
        return run(tenant, deals.today(tenant));
    }

    /**
     * Drafts the reminders due by {@code today} (one step per invoice, never twice) and, when the workspace
     * auto-approves, sends them. A reminder the gateway does not send stays NOT_SENT for a person.
     */
    public RunOutcome run(TenantId tenant, LocalDate today) {
        DunningSettingsView s = steps.settings(tenant);
        List<UUID> drafted = steps.draftDue(tenant, today, s.offsets());
        int sent = 0;
        if (s.autoApprove()) {
            for (UUID id : drafted) {
                if ("SENT".equals(approve(tenant, id, Actor.system()).status())) {
                    sent++;
                }
            }
        }
        return new RunOutcome(drafted.size(), sent);
    }

    /**
     * Approves and sends a DRAFTED (or NOT_SENT) reminder with the invoice's PDF. When the invoice is paid or void
     * by now, the reminder is STOPPED instead and nothing is sent. 409 for a reminder already sent or stopped, 422
     * when the invoice has no customer email.
     */
    public ReminderView approve(TenantId tenant, UUID id, Actor actor) {
        ReminderView r = steps.load(tenant, id);
        if (!r.status().equals("DRAFTED") && !r.status().equals("NOT_SENT")) {
            throw ApiException.conflict("The reminder is " + r.status() + "; only a drafted or unsent one is sent");
        }
        InvoiceView invoice = invoices.get(tenant, r.invoiceId());
        if (!invoice.status().payable()) {
            steps.stop(tenant, r.invoiceId(), "the invoice is " + invoice.status());
            return steps.load(tenant, id);
        }
        Context context = new Context();
        context.setVariable("invoice", invoice);
        context.setVariable("reminder", r);
        context.setVariable("seller", users.workspace(tenant).name());
        RevenueMail.Letter letter =
                letters.letter("reminder", context, invoice.number() + ".pdf", pdf.render(tenant, invoice));
        RevenueMessageView message = mail.send(
                tenant, "REMINDER", id, invoice.dealId(), invoice.id(), invoice.customerEmail(), letter, actor);
        return steps.outcome(tenant, id, message, invoice.number(), actor);
    }

    public ReminderView reminder(TenantId tenant, UUID id) {
        return steps.load(tenant, id);
    }

    /** The invoice's reminders by step. */
    public List<ReminderView> reminders(TenantId tenant, UUID invoiceId) {
        invoices.get(tenant, invoiceId);
        return steps.ofInvoice(tenant, invoiceId);
    }

    /** When the final notice went out unpaid and the invoice was flagged for a person; empty otherwise. */
    public java.util.Optional<java.time.Instant> flaggedAt(TenantId tenant, UUID invoiceId) {
        return steps.flaggedAt(tenant, invoiceId);
    }
}
