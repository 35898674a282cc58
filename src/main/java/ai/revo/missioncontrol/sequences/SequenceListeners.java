package ai.revo.missioncontrol.sequences;

import ai.revo.missioncontrol.contacts.LeadChanged;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.conversations.ConversationMessageReceived;
import ai.revo.missioncontrol.email.EmailChanged;
import ai.revo.missioncontrol.email.ReplyReceived;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.SuppressionChanged;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The stop rules and the per-step email facts, fed by other modules' events after their commit (each listener in its
 * own transaction, redelivered until it succeeds; all of them idempotent).
 */
@Component
class SequenceListeners {

    private static final Actor RULE = Actor.system();

    private final SequenceSignals signals;

    SequenceListeners(SequenceSignals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(ReplyReceived reply) {
        if (reply.leadId() != null) {
            signals.stopPersonOfLead(new TenantId(reply.tenantId()), reply.leadId(), "replied by email", RULE);
        }
    }

    @ApplicationModuleListener
    void on(ConversationMessageReceived message) {
        if (message.contactId() != null) {
            signals.stopPerson(
                    new TenantId(message.tenantId()), message.contactId(), "replied in a conversation", RULE);
        }
    }

    @ApplicationModuleListener
    void on(EmailChanged email) {
        TenantId tenant = new TenantId(email.tenantId());
        signals.recordEmail(tenant, email.emailId(), email.step());
        if (email.leadId() != null && EmailChanged.BOUNCED.equals(email.step())) {
            signals.stopPersonOfLead(tenant, email.leadId(), "hard bounce", RULE);
        }
        if (email.leadId() != null && EmailChanged.UNSUBSCRIBED.equals(email.step())) {
            signals.stopPersonOfLead(tenant, email.leadId(), "unsubscribed", RULE);
        }
    }

    @ApplicationModuleListener
    void on(SuppressionChanged change) {
        if ("suppression.added".equals(change.type())) {
            signals.stopAddress(
                    new TenantId(change.tenantId()),
                    change.suppression().channel(),
                    change.suppression().address(),
                    "address suppressed ("
                            + String.valueOf(change.suppression().reason()).toLowerCase(Locale.ROOT)
                            + ")",
                    RULE);
        }
    }

    @ApplicationModuleListener
    void on(LeadChanged change) {
        if (!"lead.status_changed".equals(change.type()) || change.details() == null) {
            return;
        }
        Object to = change.details().get("to");
        if (to != null && Enrolments.ENDED.contains(LeadStatus.valueOf(to.toString()))) {
            signals.stopLead(new TenantId(change.tenantId()), change.leadId(), "the lead moved to " + to, RULE);
        }
    }
}
