package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final DraftManagement drafts;

    DunningSteps(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, DraftManagement drafts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.drafts = drafts;
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
     * invoice for a person. Only the claimed (SENDING) reminder changes (409 otherwise: decided meanwhile).
     */
    @Transactional
    public ReminderView outcome(TenantId tenant, UUID id, RevenueMessageView message, String number, Actor actor) {
        ReminderView r = load(tenant, id);
        int changed = jdbc.sql("update dunning_reminders set status = ?, message_status = ?, reason = ?, "
                        + "decided_by = ?, updated_at = ? where tenant_id = ? and id = ? and status = 'SENDING'")
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

    /**
     * Stops the invoice's reminders that have not gone out (it was paid or voided), and withdraws their drafts still
     * waiting in the approval inbox (rejected by the system with the reason), in the caller's transaction; answers
     * how many.
     */
    @Transactional
    public int stop(TenantId tenant, UUID invoiceId, String reason) {
        List<UUID> waiting = jdbc
                .sql("update dunning_reminders set status = 'STOPPED', reason = ?, updated_at = ? "
                        + "where tenant_id = ? and invoice_id = ? and status in ('DRAFTED', 'NOT_SENT') "
                        + "returning review_draft_id")
                .params(reason, Timestamp.from(clock.instant()), tenant.value(), invoiceId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
                .list()
                .stream()
                .map(o -> o.orElse(null))
                .toList();
        for (UUID draftId : waiting) {
            if (draftId != null && drafts.get(tenant, draftId).status() == DraftStatus.NEEDS_APPROVAL) {
                drafts.decide(
                        tenant, draftId, Decision.REJECT, "Reminder stopped: " + reason, null, null, Actor.system());
            }
        }
        return waiting.size();
    }

    /**
     * Files the DRAFTED reminder in the approval inbox as a leadless draft of {@code campaignId} (the inbox reviews
     * a campaign's work; no sender picks a leadless draft up: revenue sends the reminder itself on the decision).
     * Does nothing when it is no longer DRAFTED or already filed.
     */
    @Transactional
    public void fileForReview(TenantId tenant, UUID id, UUID campaignId, String subject, String text, Actor actor) {
        ReminderView r = jdbc.sql("select id from dunning_reminders where tenant_id = ? and id = ? for update")
                .params(tenant.value(), id)
                .query(UUID.class)
                .optional()
                .map(found -> load(tenant, found))
                .orElseThrow(() -> ApiException.notFound("Reminder", id));
        if (!r.status().equals("DRAFTED") || r.reviewDraftId() != null) {
            return;
        }
        DraftView draft = drafts.write(
                tenant,
                campaignId,
                null,
                Channel.EMAIL,
                new DraftContent(subject, text, null),
                r.finalNotice() ? Priority.HIGH : Priority.NORMAL,
                Map.of(
                        "kind",
                        "dunning_reminder",
                        "reminderId",
                        id.toString(),
                        "invoiceId",
                        r.invoiceId().toString(),
                        "offsetDays",
                        r.offsetDays(),
                        "finalNotice",
                        r.finalNotice()),
                null,
                actor);
        drafts.submit(tenant, draft.id(), null, actor);
        jdbc.sql("update dunning_reminders set review_draft_id = ?, updated_at = ? where tenant_id = ? and id = ?")
                .params(draft.id(), Timestamp.from(clock.instant()), tenant.value(), id)
                .update();
    }

    /** DRAFTED reminders not filed in the approval inbox yet (oldest first, at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<ReminderView> unfiled(TenantId tenant, int limit) {
        return jdbc.sql(COLUMNS + " where tenant_id = ? and status = 'DRAFTED' and review_draft_id is null "
                        + "order by created_at, id limit ?")
                .params(tenant.value(), limit)
                .query(DunningSteps::row)
                .list();
    }

    /**
     * Claims a DRAFTED or NOT_SENT reminder for sending (SENDING), or one left SENDING for over ten minutes by a
     * node that stopped (the gateway's idempotency key keeps that attempt from going out twice). False when it is
     * sent, stopped, rejected or being sent right now.
     */
    @Transactional
    public boolean claim(TenantId tenant, UUID id) {
        java.time.Instant now = clock.instant();
        return jdbc.sql(
                                "update dunning_reminders set status = 'SENDING', updated_at = ? where tenant_id = ? and id = ? "
                                        + "and (status in ('DRAFTED', 'NOT_SENT') or (status = 'SENDING' and updated_at < ?))")
                        .params(
                                Timestamp.from(now),
                                tenant.value(),
                                id,
                                Timestamp.from(now.minus(java.time.Duration.ofMinutes(10))))
                        .update()
                == 1;
    }

    /** Gives a claimed reminder back (its sending failed before the gateway was asked): {@code status} again. */
    @Transactional
    public void release(TenantId tenant, UUID id, String status) {
        jdbc.sql("update dunning_reminders set status = ?, updated_at = ? where tenant_id = ? and id = ? "
                        + "and status = 'SENDING'")
                .params(status, Timestamp.from(clock.instant()), tenant.value(), id)
                .update();
    }

    /** Rejects a DRAFTED or NOT_SENT reminder with the reason; false when it was decided already. */
    @Transactional
    public boolean reject(TenantId tenant, UUID id, String reason, Actor actor) {
        return jdbc.sql("update dunning_reminders set status = 'REJECTED', reason = ?, decided_by = ?, updated_at = ? "
                                + "where tenant_id = ? and id = ? and status in ('DRAFTED', 'NOT_SENT')")
                        .params(reason, actor.name(), Timestamp.from(clock.instant()), tenant.value(), id)
                        .update()
                == 1;
    }

    /** Notes on a reminder still waiting (the inbox asked for changes to its draft). */
    @Transactional
    public void note(TenantId tenant, UUID id, String reason) {
        jdbc.sql("update dunning_reminders set reason = ?, updated_at = ? where tenant_id = ? and id = ? "
                        + "and status in ('DRAFTED', 'NOT_SENT')")
                .params(reason, Timestamp.from(clock.instant()), tenant.value(), id)
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<ReminderView> byReviewDraft(TenantId tenant, UUID draftId) {
        return select(tenant, "review_draft_id = ?", draftId).stream().findFirst();
    }

    /** The workspace's reminders, newest first; {@code status} null: every status. */
    @Transactional(readOnly = true)
    public PageResult<ReminderView> list(TenantId tenant, String status, PageQuery page) {
        long total = jdbc.sql("select count(*) from dunning_reminders where tenant_id = ? "
                        + "and (cast(? as text) is null or status = ?)")
                .params(tenant.value(), status, status)
                .query(Long.class)
                .single();
        List<ReminderView> rows = jdbc.sql(COLUMNS + " where tenant_id = ? and (cast(? as text) is null or status = ?) "
                        + "order by created_at desc, id limit ? offset ?")
                .params(tenant.value(), status, status, page.limit(), page.offset())
                .query(DunningSteps::row)
                .list();
        return PageResult.of(rows, page, total);
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

    private static final String COLUMNS = "select id, invoice_id, offset_days, final_notice, due_on, status, "
            + "message_status, reason, decided_by, review_draft_id, created_at, updated_at from dunning_reminders";

    private List<ReminderView> select(TenantId tenant, String where, Object param) {
        return jdbc.sql(COLUMNS + " where tenant_id = ? and " + where + " order by offset_days, created_at")
                .params(tenant.value(), param)
                .query(DunningSteps::row)
                .list();
    }

    private static ReminderView row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReminderView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getBoolean(4),
                rs.getObject(5, LocalDate.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getObject(10, UUID.class),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant());
    }

    private static List<Integer> ints(Array array) throws java.sql.SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }
}
