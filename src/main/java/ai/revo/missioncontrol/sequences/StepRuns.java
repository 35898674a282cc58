package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.identity.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each step of an enrolment produced (one row per enrolment and position, the unique key making a second run
 * of the same step impossible) and what the recipient did with its email: sent, opened, clicked, replied, bounced,
 * unsubscribed. A set of facts appended and stamped, read by the conditions and the statistics.
 */
@Component
class StepRuns {

    /** A step's run as the next step reads it (its condition, and when its delay starts). */
    record Run(
            UUID emailId,
            UUID draftId,
            Instant sentAt,
            Instant openedAt,
            Instant clickedAt,
            Instant repliedAt,
            String outcome,
            Instant failedAt,
            Instant createdAt) {}

    /** Which enrolment's step produced an email. */
    record Producer(UUID enrolmentId, int position) {}

    private final JdbcClient jdbc;

    StepRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the run; false when this enrolment's step already ran (nothing is written). */
    boolean record(
            TenantId tenant,
            UUID enrolmentId,
            UUID sequenceId,
            SequenceView.Step step,
            UUID variantId,
            String outcome,
            UUID draftId,
            UUID taskId,
            Instant now) {
        return jdbc.sql("""
                        insert into sequence_step_runs (id, tenant_id, enrolment_id, sequence_id, step_id, position, kind,
                            variant_id, outcome, draft_id, task_id, created_at, updated_at)
                        values (:id, :tenant, :enrolment, :sequence, :step, :position, :kind, :variant, :outcome,
                            :draft, :task, :now, :now)
                        on conflict (tenant_id, enrolment_id, position) do nothing""")
                        .param("id", UUID.randomUUID())
                        .param("tenant", tenant.value())
                        .param("enrolment", enrolmentId)
                        .param("sequence", sequenceId)
                        .param("step", step.id())
                        .param("position", step.position())
                        .param("kind", step.kind().name())
                        .param("variant", variantId)
                        .param("outcome", outcome)
                        .param("draft", draftId)
                        .param("task", taskId)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    Optional<Run> of(TenantId tenant, UUID enrolmentId, int position) {
        return jdbc.sql("""
                        select email_id, draft_id, sent_at, opened_at, clicked_at, replied_at, outcome, failed_at,
                            created_at
                        from sequence_step_runs where tenant_id = ? and enrolment_id = ? and position = ?""")
                .params(tenant.value(), enrolmentId, position)
                .query((rs, n) -> new Run(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)),
                        instant(rs.getTimestamp(5)),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))))
                .optional();
    }

    /** The enrolment and step that produced this email; empty when no sequence did (or it is not linked yet). */
    Optional<Producer> producerOf(TenantId tenant, UUID emailId) {
        return jdbc.sql("select enrolment_id, position from sequence_step_runs where tenant_id = ? and email_id = ?")
                .params(tenant.value(), emailId)
                .query((rs, n) -> new Producer(rs.getObject(1, UUID.class), rs.getInt(2)))
                .optional();
    }

    /**
     * The state of the enrolment that produced this email, the reason it was stopped or the message withdrawn, and
     * the withdrawal reason alone (by its id, or by the approval draft it
     * was sent from, which links the email to the run), read with a share lock so a stop committing at the same time
     * is either seen or waits. Empty when no sequence produced the email.
     */
    Optional<String[]> enrolmentOf(TenantId tenant, UUID emailId, UUID draftId) {
        if (draftId != null) {
            jdbc.sql("""
                    update sequence_step_runs set email_id = :email, updated_at = now()
                    where tenant_id = :tenant and draft_id = :draft and email_id is null""")
                    .param("email", emailId)
                    .param("tenant", tenant.value())
                    .param("draft", draftId)
                    .update();
        }
        // lock the enrolment first, then read it and the run with a new statement that sees a stop committed meanwhile
        List<UUID> enrolment = jdbc.sql("""
                        select e.id from sequence_step_runs r
                        join sequence_enrolments e on e.tenant_id = r.tenant_id and e.id = r.enrolment_id
                        where r.tenant_id = :tenant and r.email_id = :email
                        for share of e""")
                .param("tenant", tenant.value())
                .param("email", emailId)
                .query(UUID.class)
                .list();
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select e.status, coalesce(r.withdrawn_reason, e.stopped_reason), r.withdrawn_reason
                        from sequence_step_runs r
                        join sequence_enrolments e on e.tenant_id = r.tenant_id and e.id = r.enrolment_id
                        where r.tenant_id = :tenant and r.email_id = :email""")
                .param("tenant", tenant.value())
                .param("email", emailId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
    }

    /** Stamps what happened to an email a step produced ({@code column} one of the facts); first time wins. */
    void stamp(TenantId tenant, UUID emailId, String column, Instant at) {
        if (!java.util.Set.of(
                        "sent_at",
                        "opened_at",
                        "clicked_at",
                        "replied_at",
                        "bounced_at",
                        "unsubscribed_at",
                        "failed_at")
                .contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update sequence_step_runs set " + column + " = coalesce(" + column + ", :at), updated_at = :at"
                        + " where tenant_id = :tenant and email_id = :email")
                .param("at", Timestamp.from(at))
                .param("tenant", tenant.value())
                .param("email", emailId)
                .update();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
