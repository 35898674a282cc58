package ai.revo.missioncontrol.revenue;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sends a revenue document (invoice, contract, reminder) by email through the outbound gateway, which applies dry
 * run, the channel switch, the global pause and the suppression list, and records the outcome for the deal's
 * timeline. Never called inside a transaction: the gateway talks to the provider.
 */
@Component
class RevenueMail {

    /** What to send: the readable parts and the file, if any. */
    record Letter(String subject, String text, String html, String filename, byte[] pdf) {}

    private final OutboundGateway gateway;
    private final RevenueMessages messages;

    RevenueMail(OutboundGateway gateway, RevenueMessages messages) {
        this.gateway = gateway;
        this.messages = messages;
    }

    RevenueMessageView send(
            TenantId tenant,
            String kind,
            UUID subjectId,
            UUID dealId,
            UUID invoiceId,
            String to,
            Letter letter,
            Actor actor) {
        int attempt = messages.nextAttempt(tenant, kind, subjectId);
        List<OutboundMessage.Attachment> files = letter.pdf() == null
                ? List.of()
                : List.of(new OutboundMessage.Attachment(letter.filename(), "application/pdf", letter.pdf()));
        OutboundView out = gateway.submit(
                tenant,
                new OutboundMessage(
                        Channel.EMAIL,
                        to,
                        letter.subject(),
                        letter.text(),
                        null,
                        null,
                        null,
                        "revenue:" + kind.toLowerCase(java.util.Locale.ROOT) + ":" + subjectId + ":" + attempt,
                        actor,
                        new OutboundMessage.EmailParts(letter.html(), Map.of(), null, null, files)));
        return messages.record(
                tenant,
                new RevenueMessageView(
                        null,
                        dealId,
                        invoiceId,
                        kind,
                        subjectId,
                        attempt,
                        out.id(),
                        out.to(),
                        letter.subject(),
                        letter.pdf() == null ? null : letter.filename(),
                        out.status().name(),
                        out.reason(),
                        actor.name(),
                        null));
    }
}
