package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invoices' short transactions, including the numbering at issue. */
@Service
class InvoiceSteps {

    private final InvoiceRepository invoices;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final DunningSteps dunning;

    InvoiceSteps(InvoiceRepository invoices, JdbcClient jdbc, Clock clock, DunningSteps dunning) {
        this.invoices = invoices;
        this.jdbc = jdbc;
        this.clock = clock;
        this.dunning = dunning;
    }

    @Transactional
    public Invoice create(TenantId tenant, UUID dealId, UUID contactId, InvoiceDraft draft, Actor actor) {
        return save(Invoice.draft(tenant, dealId, contactId, draft, actor, clock.instant()));
    }

    @Transactional
    public Invoice change(TenantId tenant, UUID id, InvoiceDraft draft, Actor actor) {
        Invoice invoice = load(tenant, id);
        invoice.change(draft, actor, clock.instant());
        return save(invoice);
    }

    /**
     * Issues the draft with the next number of its series. The counter row is incremented in this transaction: its
     * lock makes a concurrent issue (on any node) wait until this one commits or rolls back, and a rollback gives the
     * number back, so the numbers have no gaps.
     */
    @Transactional
    public Invoice issue(TenantId tenant, UUID id, LocalDate today, Actor actor) {
        Invoice invoice = load(tenant, id);
        invoice.requireIssuable();
        String series = invoice.seriesFor(today);
        int seq = next(tenant, series);
        invoice.issue(series, seq, today, actor, clock.instant());
        return save(invoice);
    }

    private int next(TenantId tenant, String series) {
        return jdbc.sql("insert into invoice_counters (tenant_id, series, last_value) values (?, ?, 1) "
                        + "on conflict (tenant_id, series) do update set last_value = invoice_counters.last_value + 1, "
                        + "updated_at = now() returning last_value")
                .params(tenant.value(), series)
                .query(Integer.class)
                .single();
    }

    @Transactional
    public Invoice pay(
            TenantId tenant,
            UUID id,
            BigDecimal amount,
            LocalDate paidOn,
            String method,
            String reference,
            Actor actor) {
        Invoice invoice = load(tenant, id);
        invoice.pay(amount, paidOn, method, reference, actor, clock.instant());
        Invoice saved = save(invoice);
        if (saved.status() == InvoiceStatus.PAID) {
            // a paid invoice gets no more reminders, from this moment: the same transaction stops them
            stopReminders(tenant, id, "paid");
        }
        return saved;
    }

    /** Records that the invoice's email left (ISSUED becomes SENT). */
    @Transactional
    public Invoice sent(TenantId tenant, UUID id, String to, UUID outboundId, Actor actor) {
        Invoice invoice = load(tenant, id);
        invoice.sent(to, outboundId, actor, clock.instant());
        return save(invoice);
    }

    /** Issues a credit note for the invoice (numbered in its CN series) and voids the invoice; both or neither. */
    @Transactional
    public Invoice credit(TenantId tenant, UUID id, String reason, LocalDate today, Actor actor) {
        Invoice invoice = load(tenant, id);
        Invoice note = invoice.creditNote(actor, clock.instant());
        note.creditNoteNotes(reason);
        String series = note.seriesFor(today);
        note.issue(series, next(tenant, series), today, actor, clock.instant());
        note = save(note);
        invoice.voidBy(note, reason, actor, clock.instant());
        save(invoice);
        stopReminders(tenant, id, "voided by a credit note");
        return note;
    }

    /** Marks overdue every payable invoice of the workspace due before {@code today}; answers how many. */
    @Transactional
    public int markOverdue(TenantId tenant, LocalDate today) {
        List<UUID> due = jdbc.sql("select id from invoices where tenant_id = ? and kind = 'INVOICE' and status in "
                        + "('ISSUED', 'SENT', 'PARTIALLY_PAID') and due_date < ? order by due_date, id limit 500")
                .params(tenant.value(), today)
                .query(UUID.class)
                .list();
        int marked = 0;
        for (UUID id : due) {
            Invoice invoice = load(tenant, id);
            if (invoice.markOverdueOn(today, clock.instant())) {
                save(invoice);
                marked++;
            }
        }
        return marked;
    }

    private void stopReminders(TenantId tenant, UUID invoiceId, String reason) {
        dunning.stop(tenant, invoiceId, reason);
    }

    private Invoice save(Invoice invoice) {
        try {
            return invoices.save(invoice);
        } catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("The invoice was changed meanwhile; load it again and retry");
        }
    }

    @Transactional(readOnly = true)
    public Invoice load(TenantId tenant, UUID id) {
        return invoices.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Invoice", id));
    }

    @Transactional(readOnly = true)
    public List<InvoiceView> views(TenantId tenant, InvoiceQuery q, int limit, long offset) {
        List<InvoiceView> out = new ArrayList<>();
        for (UUID id : filtered("select id", tenant, q, " order by created_at desc, id limit :limit offset :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(UUID.class)
                .list()) {
            invoices.findByTenantIdAndId(tenant, id).ifPresent(i -> out.add(i.view()));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public long count(TenantId tenant, InvoiceQuery q) {
        return filtered("select count(*)", tenant, q, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec filtered(String select, TenantId tenant, InvoiceQuery q, String tail) {
        return jdbc.sql(select + " from invoices where tenant_id = :tenant "
                        + "and (cast(:status as text) is null or status = cast(:status as text)) "
                        + "and (cast(:deal as uuid) is null or deal_id = cast(:deal as uuid)) "
                        + "and (cast(:kind as text) is null or kind = cast(:kind as text))" + tail)
                .param("tenant", tenant.value())
                .param("status", q.status() == null ? null : q.status().name())
                .param("deal", q.dealId())
                .param("kind", q.kind());
    }

    /** Per currency, the balance of the workspace's OVERDUE invoices. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> overdueBalance(TenantId tenant) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        jdbc.sql("select currency, sum(total - paid) from invoices where tenant_id = ? and kind = 'INVOICE' "
                        + "and status = 'OVERDUE' "
                        + "group by currency order by currency")
                .params(tenant.value())
                .query(rs -> {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                });
        return out;
    }
}
