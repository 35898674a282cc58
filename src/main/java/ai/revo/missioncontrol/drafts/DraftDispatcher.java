package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands an approved draft to the outbound gateway after the decision has committed, outside any transaction
 * (the gateway keeps its own short ones around the provider call). The idempotency key is the draft and its
 * approved version, so a redelivered event never sends twice; the publication registry redelivers after a crash.
 * In dry run the message is SIMULATED; when the gateway reports it SENT, the lead moves to CONTACTED. EMAIL drafts are
 * not handled here: the email module sends them through its queue (windows, caps, retries).
 */
@Component
class DraftDispatcher {

    private static final Logger log = LoggerFactory.getLogger(DraftDispatcher.class);

    private final DraftManagement drafts;
    private final LeadManagement leads;
    private final OutboundGateway gateway;

    DraftDispatcher(DraftManagement drafts, LeadManagement leads, OutboundGateway gateway) {
        this.drafts = drafts;
        this.leads = leads;
        this.gateway = gateway;
    }

    @Async
    @TransactionalEventListener
    void on(ApprovalDecided approved) {
        if (!approved.decision().approves() || approved.leadId() == null) {
            return;
        }
        TenantId tenant = new TenantId(approved.tenantId());
        DraftView draft = drafts.get(tenant, approved.draftId());
        if (draft.channel() == Channel.EMAIL) {
            return; // the email module queues approved email drafts in its own durable pipeline
        }
        if (draft.checks() != null && draft.checks().get("conversation") != null) {
            return; // a reply written for a conversation is sent in its thread (agents' ConversationResponder)
        }
        LeadView lead = leads.get(tenant, approved.leadId());
        String to = switch (draft.channel()) {
            case EMAIL -> lead.contact().email();
            case SMS, WHATSAPP -> lead.contact().phone();
            default -> null;
        };
        if (to == null) {
            log.info(
                    "Approved draft {} has no {} address for its lead; nothing was handed to the gateway",
                    draft.id(),
                    draft.channel());
            return;
        }
        if (!drafts.isApprovedContent(tenant, draft.id(), draft.subject(), draft.bodyText(), draft.bodyHtml())) {
            log.warn(
                    "Approved draft {} differs from the version its approver approved; it was not handed to the gateway",
                    draft.id());
            return;
        }
        OutboundView outcome = gateway.submit(
                tenant,
                new OutboundMessage(
                        draft.channel(),
                        to,
                        draft.subject(),
                        draft.bodyText(),
                        draft.campaignId(),
                        lead.id(),
                        draft.id(),
                        "draft:" + draft.id() + ":v" + approved.version(),
                        approved.actor()));
        if (outcome.status() == OutboundStatus.SENT) {
            leads.advance(tenant, lead.id(), LeadStatus.CONTACTED, Actor.system());
        }
    }
}
