package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of what revenue sent through the gateway (an append-only record, hence plain SQL). The attempt number is
 * part of the idempotency key handed to the gateway: a second press while the first is unrecorded reuses the key
 * and gets the first outcome, and a new attempt (after dry run is switched off, say) is a new message.
 */
@Service
class RevenueMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    RevenueMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int nextAttempt(TenantId tenant, String kind, UUID subjectId) {
        return jdbc.sql("select coalesce(max(attempt), 0) + 1 from revenue_messages where tenant_id = ? "
                        + "and subject_kind = ? and subject_id = ?")
                .params(tenant.value(), kind, subjectId)
                .query(Integer.class)
                .single();
    }

    /** Records the outcome once per attempt (a repeated attempt keeps the first row); answers the row. */
    @Transactional
    public RevenueMessageView record(TenantId tenant, RevenueMessageView m) {
        jdbc.sql("""
                insert into revenue_messages (id, tenant_id, deal_id, invoice_id, subject_kind, subject_id, attempt,
                    outbound_id, to_address, subject, attachment, status, reason, requested_by, created_at, updated_at)
                values (:id, :tenant, :deal, :invoice, :kind, :subjectId, :attempt, :outbound, :to, :subject,
                    :attachment, :status, :reason, :by, :now, :now)
                on conflict (tenant_id, subject_kind, subject_id, attempt) do nothing
                """)
                .param("id", UUID.randomUUID())
                .param("tenant", tenant.value())
                .param("deal", m.dealId())
                .param("invoice", m.invoiceId())
                .param("kind", m.subjectKind())
                .param("subjectId", m.subjectId())
                .param("attempt", m.attempt())
                .param("outbound", m.outboundId())
                .param("to", m.to())
                .param("subject", m.subject())
                .param("attachment", m.attachment())
                .param("status", m.status())
                .param("reason", m.reason())
                .param("by", m.requestedBy())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return select(
                        tenant,
                        "subject_kind = ? and subject_id = ? and attempt = ?",
                        m.subjectKind(),
                        m.subjectId(),
                        m.attempt())
                .get(0);
    }

    /** The deal's messages, oldest first. */
    @Transactional(readOnly = true)
    public List<RevenueMessageView> ofDeal(TenantId tenant, UUID dealId) {
        return select(tenant, "deal_id = ?", dealId);
    }

    /** The messages about one invoice, contract or reminder subject, oldest first. */
    @Transactional(readOnly = true)
    public List<RevenueMessageView> about(TenantId tenant, String kind, UUID subjectId) {
        return select(tenant, "subject_kind = ? and subject_id = ?", kind, subjectId);
    }

    private List<RevenueMessageView> select(TenantId tenant, String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = tenant.value();
        System.arraycopy(params, 0, all, 1, params.length);
        return jdbc.sql("select id, deal_id, invoice_id, subject_kind, subject_id, attempt, outbound_id, to_address, "
                        + "subject, attachment, status, reason, requested_by, created_at from revenue_messages "
                        + "where tenant_id = ? and " + where + " order by created_at, attempt")
                .params(all)
                .query((rs, n) -> new RevenueMessageView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getInt(6),
                        rs.getObject(7, UUID.class),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getTimestamp(14).toInstant()))
                .list();
    }
}
