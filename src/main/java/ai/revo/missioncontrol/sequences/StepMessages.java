package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a stop does to the messages the enrolments' steps produced and that have not gone out: each such step run is
 * marked withdrawn with the reason (the email worker's veto then refuses its email, approved or not), and a draft still
 * waiting in the approval inbox is rejected with the reason, so no person is asked to approve a message that would
 * never be sent. Joins the caller's transaction, which holds the enrolments' row locks.
 */
@Component
class StepMessages {

    private final JdbcClient jdbc;
    private final DraftManagement drafts;

    StepMessages(JdbcClient jdbc, DraftManagement drafts) {
        this.jdbc = jdbc;
        this.drafts = drafts;
    }

    /** Withdraws the unsent messages of these enrolments; idempotent. */
    void withdraw(TenantId tenant, List<UUID> enrolmentIds, String reason, Instant now) {
        if (enrolmentIds.isEmpty()) {
            return;
        }
        UUID[] ids = enrolmentIds.toArray(UUID[]::new);
        jdbc.sql("""
                update sequence_step_runs set withdrawn_reason = :reason, updated_at = :now
                where tenant_id = :tenant and enrolment_id = any(:ids) and sent_at is null
                and withdrawn_reason is null and outcome in ('APPROVED', 'AWAITING_APPROVAL')""")
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("tenant", tenant.value())
                .param("ids", ids)
                .update();
        List<UUID> waiting = jdbc.sql("""
                        select draft_id from sequence_step_runs
                        where tenant_id = :tenant and enrolment_id = any(:ids) and draft_id is not null
                        and sent_at is null and outcome = 'AWAITING_APPROVAL' order by position""")
                .param("tenant", tenant.value())
                .param("ids", ids)
                .query(UUID.class)
                .list();
        for (UUID draftId : waiting) {
            DraftView draft = drafts.get(tenant, draftId);
            if (draft.status() == DraftStatus.NEEDS_APPROVAL) {
                // checked first: a decision on a draft that is not waiting is a 409, and a thrown exception would
                // leave the stop's transaction rollback-only
                drafts.decide(
                        tenant,
                        draftId,
                        Decision.REJECT,
                        "Withdrawn: the lead's sequence stopped (" + reason + ")",
                        null,
                        draft.etag(),
                        SequenceRunner.AGENT);
            }
        }
    }
}
