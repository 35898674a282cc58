package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.drafts.ApprovalDecided;
import ai.revo.missioncontrol.identity.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Approved email drafts of the approval inbox go through the email pipeline (queue, windows, caps, retries): after
 * the decision commits, the draft is queued once per draft and approved version. The publication registry
 * redelivers the event after a crash; queueing is idempotent.
 */
@Component
class ApprovedEmailQueuer {

    private static final Logger log = LoggerFactory.getLogger(ApprovedEmailQueuer.class);

    private static final int MAX_ATTEMPTS = 3;

    private final EmailSending sending;

    ApprovedEmailQueuer(EmailSending sending) {
        this.sending = sending;
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalDecided decided) {
        if (!decided.decision().approves() || decided.leadId() == null) {
            return;
        }
        // each attempt is its own transaction and the queueing is claimed once per draft and version, so a retry after
        // a lost race (lock timeout, deadlock, a concurrent change of the campaign) queues the email once
        for (int attempt = 1; ; attempt++) {
            try {
                sending.queueApproved(
                                new TenantId(decided.tenantId()), decided.draftId(), decided.version(), decided.actor())
                        .ifPresent(email ->
                                log.info("Approved draft {} queued as email {}", decided.draftId(), email.id()));
                return;
            } catch (ConcurrencyFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.info("Queueing approved draft {} lost a race ({}); trying again", decided.draftId(), e.toString());
            }
        }
    }
}
