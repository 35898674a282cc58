package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dunning's short transactions over its two tables (a schedule row and an append-mostly reminder log, set-based by
 * nature: one step per invoice and day, hence plain SQL).
 */
@Service
class DunningSteps {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DunningSteps(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public DunningSettingsView settings(TenantId tenant) {
        return jdbc.sql("select offsets, auto_approve from dunning_settings where tenant_id = ?")
                .params(tenant.value())
                .query((rs, n) -> new DunningSettingsView(ints(rs.getArray(1)), rs.getBoolean(2)))
                .optional()
                .orElse(new DunningSettingsView(DunningSettingsView.DEFAULT_OFFSETS, false));
    }

    @Transactional
    public DunningSettingsView save(TenantId tenant, List<Integer> offsets, boolean autoApprove) {
        jdbc.sql("insert into dunning_settings (tenant_id, offsets, auto_approve) values (?, ?, ?) "
                        + "on conflict (tenant_id) do update set offsets = excluded.offsets, auto_approve = "
                        + "excluded.auto_approve, version = dunning_settings.version + 1, updated_at = now()")
                .params(tenant.value(), offsets.toArray(new Integer[0]), autoApprove)
                .update();
        return new DunningSettingsView(List.copyOf(offsets), autoApprove);
    }

    /**
     * Drafts, for every payable invoice of the workspace with a due date and an email, the latest step of the
     * schedule that is due by {@code today} and later than any step it already had (steps missed while the check
     * did not run are not sent late one after another). Answers the new reminders' ids.
     */
    @Transactional
    public List<UUID> draftDue(TenantId tenant, LocalDate today, List<Integer> offsets) {
        int last = offsets.get(offsets.size() - 1);
        List<Object[]> open = jdbc.sql("select i.id, i.due_date, (select max(r.offset_days) from dunning_reminders r "
                        + "where r.tenant_id = i.tenant_id and r.invoice_id = i.id) from invoices i "
                        + "where i.tenant_id = ? and i.kind = 'INVOICE' and i.status in "
                        + "('ISSUED', 'SENT', 'PARTIALLY_PAID', 'OVERDUE') and i.due_date is not null "
                        + "and i.customer_email is not null order by i.due_date, i.id limit 1000")
                .params(tenant.value())
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), (Integer) rs.getObject(3)
                })
                .list();
        List<UUID> drafted = new ArrayList<>();
        for (Object[] row : open) {
            LocalDate due = (LocalDate) row[1];
            Integer had = (Integer) row[2];
            Integer step = null;
            for (int offset : offsets) {
                if (!due.plusDays(offset).isAfter(today) && (had == null || offset > had)) {
                    step = offset;
                }
            }
            if (step == null) {
                continue;
            }
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("insert into dunning_reminders (id, tenant_id, invoice_id, offset_days, "
                            + "final_notice, due_on, status) values (?, ?, ?, ?, ?, ?, 'DRAFTED') "
                            + "on conflict (tenant_id, invoice_id, offset_days) do nothing")
                    .params(id, tenant.value(), row[0], step, step == last, due.plusDays(step))
                    .update();
            if (inserted == 1) {
                drafted.add(id);
            }
        }
        return drafted;
    }

    @Transactional(readOnly = true)
    public ReminderView load(TenantId tenant, UUID id) {
        return select(tenant, "id = ?", id).stream()
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Reminder", id));
    }

    @Transactional(readOnly = true)
    public List<ReminderView> ofInvoice(TenantId tenant, UUID invoiceId) {
        return select(tenant, "invoice_id = ?", invoiceId);
    }

    /**
     * Records the gateway's outcome: SENT, or NOT_SENT with its status and reason. A sent final notice flags the
     * invoice for a person. Only a DRAFTED or NOT_SENT reminder changes (409 otherwise: decided meanwhile).
     */
    @Transactional
    public ReminderView outcome(TenantId tenant, UUID id, RevenueMessageView message, String number, Actor actor) {
        ReminderView r = load(tenant, id);
        int changed = jdbc.sql("update dunning_reminders set status = ?, message_status = ?, reason = ?, "
                        + "decided_by = ?, updated_at = ? where tenant_id = ? and id = ? "
                        + "and status in ('DRAFTED', 'NOT_SENT')")
                .params(
                        message.sent() ? "SENT" : "NOT_SENT",
                        message.status(),
                        message.reason(),
                        actor.name(),
                        Timestamp.from(clock.instant()),
                        tenant.value(),
                        id)
                .update();
        if (changed == 0) {
            throw ApiException.conflict("The reminder was decided meanwhile");
        }
        if (message.sent() && r.finalNotice()) {
            int flagged = jdbc.sql("update invoices set dunning_flagged_at = ?, updated_at = ? where tenant_id = ? "
                            + "and id = ? and dunning_flagged_at is null")
                    .params(
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant()),
                            tenant.value(),
                            r.invoiceId())
                    .update();
            if (flagged == 1) {
                events.publishEvent(new InvoiceNeedsAttention(
                        tenant.value(), r.invoiceId(), number, message.to(), message.outboundId(), actor));
            }
        }
        return load(tenant, id);
    }

    /** Stops the invoice's reminders that have not gone out (it was paid or voided); answers how many. */
    @Transactional
    public int stop(TenantId tenant, UUID invoiceId, String reason) {
        return jdbc.sql("update dunning_reminders set status = 'STOPPED', reason = ?, updated_at = ? "
                        + "where tenant_id = ? and invoice_id = ? and status in ('DRAFTED', 'NOT_SENT')")
                .params(reason, Timestamp.from(clock.instant()), tenant.value(), invoiceId)
                .update();
    }

    @Transactional(readOnly = true)
    public java.util.Optional<java.time.Instant> flaggedAt(TenantId tenant, UUID invoiceId) {
        return jdbc.sql("select dunning_flagged_at from invoices where tenant_id = ? and id = ?")
                .params(tenant.value(), invoiceId)
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(Timestamp::toInstant);
    }

    private List<ReminderView> select(TenantId tenant, String where, Object param) {
        return jdbc.sql("select id, invoice_id, offset_days, final_notice, due_on, status, message_status, reason, "
                        + "decided_by, created_at, updated_at from dunning_reminders where tenant_id = ? and "
                        + where + " order by offset_days")
                .params(tenant.value(), param)
                .query((rs, n) -> new ReminderView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getBoolean(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11).toInstant()))
                .list();
    }

    private static List<Integer> ints(Array array) throws java.sql.SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }
}
