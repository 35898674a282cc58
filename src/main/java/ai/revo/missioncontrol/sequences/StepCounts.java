package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The step runs counted per step and variant (one set-based query), and the declared A/B winners: the read model
 * behind the statistics and winner-takes-all.
 */
@Component
class StepCounts {

    /** One step's (and variant's, null for none) counts; the engagement facts count sent emails only. */
    record Row(
            UUID stepId,
            UUID variantId,
            long reached,
            long skipped,
            long messages,
            long sent,
            long failed,
            long withdrawn,
            long opened,
            long clicked,
            long replied,
            long bounced,
            long unsubscribed) {

        AbVerdict.Arm arm() {
            return new AbVerdict.Arm(variantId, sent, opened, clicked, replied);
        }
    }

    record Winner(UUID variantId, Instant declaredAt) {}

    private final JdbcClient jdbc;

    StepCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sequence's runs counted per step and variant; {@code stepId} narrows to one step when given. */
    List<Row> rows(TenantId tenant, UUID sequenceId, UUID stepId) {
        return jdbc.sql("""
                        select step_id, variant_id, count(*),
                            count(*) filter (where outcome = 'SKIPPED'),
                            count(*) filter (where outcome in ('APPROVED', 'AWAITING_APPROVAL')),
                            count(sent_at),
                            count(failed_at) filter (where sent_at is null),
                            count(withdrawn_reason) filter (where sent_at is null),
                            count(sent_at) filter (where opened_at is not null or clicked_at is not null),
                            count(sent_at) filter (where clicked_at is not null),
                            count(sent_at) filter (where replied_at is not null),
                            count(sent_at) filter (where bounced_at is not null),
                            count(sent_at) filter (where unsubscribed_at is not null)
                        from sequence_step_runs
                        where tenant_id = :tenant and sequence_id = :sequence
                        and (cast(:step as uuid) is null or step_id = :step)
                        group by step_id, variant_id""")
                .param("tenant", tenant.value())
                .param("sequence", sequenceId)
                .param("step", stepId)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        rs.getLong(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getLong(13)))
                .list();
    }

    /** The sequence's enrolments per status. */
    Map<String, Long> enrolments(TenantId tenant, UUID sequenceId) {
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("""
                        select status, count(*) from sequence_enrolments where tenant_id = ? and sequence_id = ?
                        group by status""")
                .params(tenant.value(), sequenceId)
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2)))
                .list();
        return byStatus;
    }

    Map<UUID, Winner> winners(TenantId tenant, UUID sequenceId) {
        Map<UUID, Winner> winners = new HashMap<>();
        jdbc.sql("""
                        select step_id, variant_id, created_at from sequence_step_winners
                        where tenant_id = ? and sequence_id = ?""")
                .params(tenant.value(), sequenceId)
                .query((rs, n) -> winners.put(
                        rs.getObject(1, UUID.class),
                        new Winner(
                                rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant())))
                .list();
        return winners;
    }

    Optional<UUID> winner(TenantId tenant, UUID sequenceId, UUID stepId) {
        return jdbc.sql("""
                        select variant_id from sequence_step_winners
                        where tenant_id = ? and sequence_id = ? and step_id = ?""")
                .params(tenant.value(), sequenceId, stepId)
                .query(UUID.class)
                .optional();
    }

    /** Records the step's winner; false when one was already declared (by another node at the same moment). */
    boolean declare(
            TenantId tenant, UUID sequenceId, UUID stepId, UUID variantId, double replyRate, long sent, Instant now) {
        return jdbc.sql("""
                        insert into sequence_step_winners (tenant_id, sequence_id, step_id, variant_id, reply_rate,
                            sent, created_at, updated_at)
                        values (:tenant, :sequence, :step, :variant, :rate, :sent, :now, :now)
                        on conflict do nothing""")
                        .param("tenant", tenant.value())
                        .param("sequence", sequenceId)
                        .param("step", stepId)
                        .param("variant", variantId)
                        .param("rate", replyRate)
                        .param("sent", sent)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }
}
