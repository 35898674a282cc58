package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
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
    private final DraftManagement drafts;

    Dunning(
            DunningSteps steps,
            Invoices invoices,
            InvoicePdf pdf,
            Deals deals,
            RevenueMail mail,
            RevenueLetters letters,
            ai.revo.missioncontrol.identity.UserManagement users,
            DraftManagement drafts) {
        this.steps = steps;
        this.invoices = invoices;
        this.pdf = pdf;
        this.deals = deals;
        this.mail = mail;
        this.letters = letters;
        this.users = users;
        this.drafts = drafts;
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
     * auto-approves, sends them; otherwise files each in the approval inbox (when its invoice's deal has a source
     * campaign, which the inbox reviews; the others wait on the dunning page). A reminder the gateway does not send
     * stays NOT_SENT for a person.
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
        } else {
            // also the ones an earlier check drafted but did not file (it stopped in between)
            for (ReminderView r : steps.unfiled(tenant, 500)) {
                fileForReview(tenant, r);
            }
        }
        return new RunOutcome(drafted.size(), sent);
    }

    private void fileForReview(TenantId tenant, ReminderView r) {
        InvoiceView invoice = invoices.get(tenant, r.invoiceId());
        if (invoice.dealId() == null) {
            return;
        }
        UUID campaign = deals.get(tenant, invoice.dealId()).sourceCampaignId();
        if (campaign == null) {
            return;
        }
        RevenueMail.Letter letter = letter(tenant, invoice, r, null);
        steps.fileForReview(tenant, r.id(), campaign, letter.subject(), letter.text(), Actor.system());
    }

    /**
     * Approves and sends a DRAFTED (or NOT_SENT) reminder with the invoice's PDF; its draft still waiting in the
     * approval inbox is approved by the same person. When the invoice is paid or void by now, the reminder is
     * STOPPED instead and nothing is sent. 409 for a reminder already sent, stopped, rejected or being sent, 422
     * when the invoice has no customer email.
     */
    public ReminderView approve(TenantId tenant, UUID id, Actor actor) {
        return claimAndSend(tenant, steps.load(tenant, id), actor, true);
    }

    /**
     * Rejects a DRAFTED (or NOT_SENT) reminder with the reason (required); its draft waiting in the approval inbox
     * is rejected with it. 409 when it was decided already, 400 without a reason.
     */
    public ReminderView reject(TenantId tenant, UUID id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.invalidField("reason", "is required to reject");
        }
        ReminderView r = steps.load(tenant, id);
        if (!steps.reject(tenant, id, reason.strip(), actor)) {
            throw ApiException.conflict("The reminder is " + r.status() + "; only a drafted or unsent one is rejected");
        }
        if (r.reviewDraftId() != null && drafts.get(tenant, r.reviewDraftId()).status() == DraftStatus.NEEDS_APPROVAL) {
            drafts.decide(tenant, r.reviewDraftId(), Decision.REJECT, reason.strip(), null, null, actor);
        }
        return steps.load(tenant, id);
    }

    /**
     * Applies a decision of the approval inbox on a reminder's draft: approving ones send it (the approved text:
     * an approver's inline edit is what goes out), reject refuses it, request changes notes the request on the
     * reminder (the draft goes back to be edited and submitted again). Empty when no reminder waits for that draft;
     * a redelivered decision sends nothing again.
     */
    public java.util.Optional<ReminderView> reviewed(
            TenantId tenant, UUID draftId, Decision decision, String notes, Actor by) {
        java.util.Optional<ReminderView> found = steps.byReviewDraft(tenant, draftId);
        if (found.isEmpty() || !sendable(found.get())) {
            return found;
        }
        ReminderView r = found.get();
        if (decision.approves()) {
            try {
                return java.util.Optional.of(claimAndSend(tenant, r, by, false));
            } catch (ApiException decidedMeanwhile) {
                return java.util.Optional.of(steps.load(tenant, r.id()));
            }
        }
        if (decision == Decision.REJECT) {
            steps.reject(tenant, r.id(), notes == null ? "rejected in the approval inbox" : notes, by);
        } else {
            steps.note(tenant, r.id(), "changes requested: " + notes);
        }
        return java.util.Optional.of(steps.load(tenant, r.id()));
    }

    private static boolean sendable(ReminderView r) {
        return r.status().equals("DRAFTED") || r.status().equals("NOT_SENT");
    }

    private ReminderView claimAndSend(TenantId tenant, ReminderView r, Actor actor, boolean decideDraft) {
        if (!sendable(r)) {
            throw ApiException.conflict("The reminder is " + r.status() + "; only a drafted or unsent one is sent");
        }
        InvoiceView invoice = invoices.get(tenant, r.invoiceId());
        if (!invoice.status().payable()) {
            steps.stop(tenant, r.invoiceId(), "the invoice is " + invoice.status());
            return steps.load(tenant, r.id());
        }
        if (!steps.claim(tenant, r.id())) {
            throw ApiException.conflict("The reminder is being sent or was decided meanwhile");
        }
        if (decideDraft && r.reviewDraftId() != null) {
            try {
                if (drafts.get(tenant, r.reviewDraftId()).status() == DraftStatus.NEEDS_APPROVAL) {
                    // approved here by the same person; the inbox's decision then finds the reminder claimed
                    drafts.decide(tenant, r.reviewDraftId(), Decision.APPROVE, null, null, null, actor);
                }
            } catch (RuntimeException e) {
                steps.release(tenant, r.id(), r.status());
                throw e;
            }
        }
        return sendClaimed(tenant, r, r.status(), actor);
    }

    /** Sends the claimed reminder; gives the claim back when it fails before the gateway answered. */
    private ReminderView sendClaimed(TenantId tenant, ReminderView r, String before, Actor actor) {
        RevenueMessageView message;
        InvoiceView invoice;
        try {
            invoice = invoices.get(tenant, r.invoiceId());
            DraftView approved = r.reviewDraftId() == null ? null : drafts.get(tenant, r.reviewDraftId());
            if (approved != null && approved.status() != DraftStatus.APPROVED) {
                approved = null; // reviewed here, not in the inbox: the letter as the schedule writes it
            }
            if (approved != null
                    && !drafts.isApprovedContent(
                            tenant, approved.id(), approved.subject(), approved.bodyText(), approved.bodyHtml())) {
                throw ApiException.conflict("The reminder's draft is not the text that was approved");
            }
            RevenueMail.Letter letter = letter(tenant, invoice, r, pdf.render(tenant, invoice));
            if (approved != null
                    && !(letter.subject().equals(approved.subject())
                            && letter.text().equals(approved.bodyText()))) {
                // the approver changed the words (or the balance moved since): the approved text goes out, as text
                letter = new RevenueMail.Letter(
                        approved.subject(), approved.bodyText(), null, letter.filename(), letter.pdf());
            }
            message = mail.send(
                    tenant, "REMINDER", r.id(), invoice.dealId(), invoice.id(), invoice.customerEmail(), letter, actor);
        } catch (RuntimeException e) {
            steps.release(tenant, r.id(), before);
            throw e;
        }
        return steps.outcome(tenant, r.id(), message, invoice.number(), actor);
    }

    private RevenueMail.Letter letter(TenantId tenant, InvoiceView invoice, ReminderView r, byte[] file) {
        Context context = new Context();
        context.setVariable("invoice", invoice);
        context.setVariable("reminder", r);
        context.setVariable("seller", users.workspace(tenant).name());
        return letters.letter("reminder", context, invoice.number() + ".pdf", file);
    }

    /** The workspace's reminders, newest first; {@code status} null for all (400 for an unknown status). */
    public ai.revo.missioncontrol.platform.PageResult<ReminderView> list(
            TenantId tenant, String status, ai.revo.missioncontrol.platform.PageQuery page) {
        if (status != null
                && !java.util.Set.of("DRAFTED", "SENDING", "SENT", "NOT_SENT", "STOPPED", "REJECTED")
                        .contains(status)) {
            throw ApiException.invalidField("status", "must be DRAFTED, SENDING, SENT, NOT_SENT, STOPPED or REJECTED");
        }
        return steps.list(tenant, status, page);
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
