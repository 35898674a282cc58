package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.revenue.Dunning;
import ai.revo.missioncontrol.revenue.DunningSettingsView;
import ai.revo.missioncontrol.revenue.ReminderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dunning: the schedule setting, an invoice's reminders and their approval; read by all, managed by FINANCE. */
@RestController
@Tag(name = "Dunning")
class DunningController {

    private final Dunning dunning;

    DunningController(Dunning dunning) {
        this.dunning = dunning;
    }

    record SettingsBody(List<Integer> offsets, Boolean autoApprove) {}

    record InvoiceReminders(Instant flaggedAt, List<ReminderView> reminders) {}

    @GetMapping("/api/v1/settings/dunning")
    @Operation(summary = "The dunning schedule: offsets in days from the due date (the last is the final notice)")
    DunningSettingsView settings(CurrentUser user) {
        return dunning.settings(user.tenantId());
    }

    @PutMapping("/api/v1/settings/dunning")
    @PreAuthorize(InvoiceController.FINANCE)
    @Operation(summary = "Change the schedule {offsets: [-3, 1, 7, 14, 30], autoApprove}")
    DunningSettingsView change(CurrentUser user, @RequestBody(required = false) SettingsBody body) {
        SettingsBody b = body == null ? new SettingsBody(null, null) : body;
        return dunning.change(user.tenantId(), b.offsets(), b.autoApprove(), user.actor());
    }

    @PostMapping("/api/v1/dunning/run")
    @PreAuthorize(InvoiceController.FINANCE)
    @Operation(summary = "Run today's dunning check now (the hourly task runs it too); answers {drafted, sent}")
    Dunning.RunOutcome run(CurrentUser user) {
        return dunning.runToday(user.tenantId());
    }

    @GetMapping("/api/v1/invoices/{id}/reminders")
    @Operation(summary = "The invoice's reminders and when it was flagged for a person after the final notice")
    InvoiceReminders reminders(CurrentUser user, @PathVariable UUID id) {
        return new InvoiceReminders(
                dunning.flaggedAt(user.tenantId(), id).orElse(null), dunning.reminders(user.tenantId(), id));
    }

    @GetMapping("/api/v1/reminders/{id}")
    @Operation(summary = "One reminder")
    ReminderView reminder(CurrentUser user, @PathVariable UUID id) {
        return dunning.reminder(user.tenantId(), id);
    }

    record RejectBody(String reason) {}

    @GetMapping("/api/v1/dunning/reminders")
    @Operation(
            summary = "The workspace's reminders, newest first; filter status (DRAFTED, SENDING, SENT, NOT_SENT,"
                    + " STOPPED, REJECTED)")
    PageResult<ReminderView> list(
            CurrentUser user,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return dunning.list(user.tenantId(), status, new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/reminders/{id}/reject")
    @PreAuthorize(InvoiceController.FINANCE)
    @Operation(summary = "Reject a drafted (or unsent) reminder {reason}; its draft in the approval inbox with it")
    ReminderView reject(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) RejectBody body) {
        return dunning.reject(user.tenantId(), id, body == null ? null : body.reason(), user.actor());
    }

    @PostMapping("/api/v1/reminders/{id}/approve")
    @PreAuthorize(InvoiceController.FINANCE)
    @Operation(summary = "Approve and send a drafted (or unsent) reminder with the invoice's PDF")
    ReminderView approve(CurrentUser user, @PathVariable UUID id) {
        return dunning.approve(user.tenantId(), id, user.actor());
    }
}
