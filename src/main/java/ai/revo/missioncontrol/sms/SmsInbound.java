package ai.revo.missioncontrol.sms;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.InboundChannelMessage;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.RecipientAddress;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.safety.SuppressionView;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An incoming SMS (a stored Twilio request with the status {@code received}), in one transaction. The whole message,
 * trimmed and in any case, is a keyword of Twilio's standard list or it is a reply:
 *
 * <ul>
 *   <li>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT: the sender's number is suppressed for SMS (reason
 *       UNSUBSCRIBED, with the {@link #OPT_OUT_NOTE} note), {@code sms.opted_out};
 *   <li>START, UNSTOP, YES: the number's SMS suppression is lifted only when an SMS opt-out made it (this note, or
 *       Twilio's 21610 refusal recorded by the adapter); a manual, bounce or any other suppression stays,
 *       {@code sms.opted_in};
 *   <li>HELP, INFO: filed into the conversation like a reply (nothing answers it automatically),
 *       {@code sms.help_requested};
 *   <li>anything else: filed once per MessageSid into the SMS conversation of the contact with that phone (a new
 *       contact, source SMS, when nobody has it), in the campaign of their only enrolment if they have exactly one
 *       (whose lead then moves to REPLIED). The conversation's {@code conversation.message_received} stops the
 *       person's running sequences, as a WhatsApp or email reply does.
 * </ul>
 *
 * Returns the outcome a person reads on the webhook row.
 */
@Service
class SmsInbound {

    static final Set<String> OPT_OUT = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    static final Set<String> OPT_IN = Set.of("START", "UNSTOP", "YES");
    static final Set<String> HELP = Set.of("HELP", "INFO");

    /** The start of the note an SMS opt-out's suppression carries; START lifts only such a suppression. */
    static final String OPT_OUT_NOTE = "SMS opt-out: the person texted ";
    /** The note of the suppression the Twilio adapter adds when Twilio refuses a send with 21610 (replied STOP). */
    static final String TWILIO_OPT_OUT_NOTE = "Twilio 21610: replied STOP";

    private final JdbcClient jdbc;
    private final SafetyManagement safety;
    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final ChannelConversations conversations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    SmsInbound(
            JdbcClient jdbc,
            SafetyManagement safety,
            ContactManagement contacts,
            LeadManagement leads,
            ChannelConversations conversations,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.safety = safety;
        this.contacts = contacts;
        this.leads = leads;
        this.conversations = conversations;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The keyword the whole message is (trimmed, any case), or null for a reply. */
    static String keyword(String body) {
        if (body == null) {
            return null;
        }
        String word = body.trim().toUpperCase(Locale.ROOT);
        return OPT_OUT.contains(word) || OPT_IN.contains(word) || HELP.contains(word) ? word : null;
    }

    /** Handles one incoming message; the caller runs it as the workspace. */
    String received(TenantId tenant, String sid, JsonNode params, Instant receivedAt) {
        return tx.execute(s -> handle(tenant, sid, params, receivedAt));
    }

    private String handle(TenantId tenant, String sid, JsonNode params, Instant receivedAt) {
        String from = params.path("From").asText("").trim();
        String body = params.path("Body").asText("");
        String keyword = keyword(body);
        String phone = phone(from);
        if (phone == null) {
            if (keyword != null && !HELP.contains(keyword)) {
                publish(tenant, type(keyword), sid, from, keyword, "IGNORED", null, null);
            }
            return "Incoming SMS from " + (from.isEmpty() ? "an unknown sender" : from)
                    + " kept: the sender is no phone number, so it is filed nowhere";
        }
        if (keyword != null && OPT_OUT.contains(keyword)) {
            return optOut(tenant, sid, phone, keyword);
        }
        if (keyword != null && OPT_IN.contains(keyword)) {
            return optIn(tenant, sid, phone, keyword);
        }
        ChannelConversations.Filed filed = file(tenant, sid, phone, params, body, receivedAt);
        if (keyword != null) {
            if (!filed.alreadyFiled()) {
                publish(
                        tenant,
                        SmsKeywordReceived.HELP_REQUESTED,
                        sid,
                        phone,
                        keyword,
                        "FILED",
                        null,
                        filed.conversationId());
            }
            return "Help request (" + keyword + ") from " + phone + " filed into conversation " + filed.conversationId()
                    + "; nothing answers it automatically";
        }
        return (filed.alreadyFiled() ? "Already filed into conversation " : "Filed into conversation ")
                + filed.conversationId();
    }

    private String optOut(TenantId tenant, String sid, String phone, String keyword) {
        if (safety.isSuppressed(tenant, Channel.SMS, phone)) {
            publish(tenant, SmsKeywordReceived.OPTED_OUT, sid, phone, keyword, "ALREADY_SUPPRESSED", null, null);
            return "Opt-out (" + keyword + "): " + phone + " was already suppressed for SMS";
        }
        SuppressionView added = safety.suppress(
                tenant,
                Channel.SMS,
                phone,
                "UNSUBSCRIBED",
                OPT_OUT_NOTE + keyword + " (MessageSid " + sid + ")",
                Actor.system());
        publish(tenant, SmsKeywordReceived.OPTED_OUT, sid, phone, keyword, "SUPPRESSED", added.id(), null);
        return "Opt-out (" + keyword + "): " + phone + " suppressed for SMS";
    }

    private String optIn(TenantId tenant, String sid, String phone, String keyword) {
        Optional<SuppressionView> active =
                safety.suppressions(tenant, Channel.SMS, phone, new PageQuery(1, PageQuery.MAX_LIMIT)).data().stream()
                        .filter(v -> phone.equals(v.address()))
                        .findFirst();
        if (active.isEmpty()) {
            publish(tenant, SmsKeywordReceived.OPTED_IN, sid, phone, keyword, "NOT_SUPPRESSED", null, null);
            return "Opt-in (" + keyword + "): " + phone + " was not suppressed for SMS";
        }
        SuppressionView v = active.get();
        if (!madeByOptOut(v)) {
            publish(tenant, SmsKeywordReceived.OPTED_IN, sid, phone, keyword, "KEPT", v.id(), null);
            return "Opt-in (" + keyword + "): " + phone + " stays suppressed for SMS: the suppression (" + v.reason()
                    + ") was not made by an SMS opt-out, so only a person can lift it";
        }
        safety.unsuppress(tenant, v.id(), Actor.system());
        publish(tenant, SmsKeywordReceived.OPTED_IN, sid, phone, keyword, "LIFTED", v.id(), null);
        return "Opt-in (" + keyword + "): the SMS opt-out of " + phone + " is lifted";
    }

    /** Whether an SMS opt-out (a STOP texted here, or Twilio's 21610 refusal) made this suppression. */
    static boolean madeByOptOut(SuppressionView v) {
        String note = v.note() == null ? "" : v.note();
        return "UNSUBSCRIBED".equals(v.reason())
                && Actor.system().name().equals(v.createdBy())
                && (note.startsWith(OPT_OUT_NOTE) || note.equals(TWILIO_OPT_OUT_NOTE));
    }

    private ChannelConversations.Filed file(
            TenantId tenant, String sid, String phone, JsonNode params, String body, Instant receivedAt) {
        // one contact per number, also when two messages from a new number arrive at once
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("sms-sender:" + tenant.value() + ":" + phone)
                .query((rs, n) -> 1)
                .list();
        List<ContactView> matches = contacts.matchingAddress(tenant, null, phone);
        UUID contactId = matches.isEmpty()
                ? contacts.upsert(
                                tenant,
                                new ContactDetails(
                                        null, null, null, phone, null, null, null, null, null, "SMS", null, null),
                                Actor.system())
                        .id()
                : matches.get(0).id();
        ContactView contact = contacts.get(tenant, contactId);
        List<ContactView.Enrolment> enrolments = contact.campaigns() == null ? List.of() : contact.campaigns();
        ContactView.Enrolment only = enrolments.size() == 1 ? enrolments.get(0) : null;
        int media = params.path("NumMedia").asInt(0);
        String text = body.strip();
        if (media > 0) {
            String kinds = String.join(
                    ", ",
                    java.util.stream.IntStream.range(0, media)
                            .mapToObj(i -> params.path("MediaContentType" + i).asText("media"))
                            .toList());
            text = (text.isEmpty() ? "" : text + " ") + "[" + media + " attachment" + (media == 1 ? "" : "s") + ": "
                    + kinds + "]";
        }
        ChannelConversations.Filed filed = conversations.recordInbound(
                tenant,
                new InboundChannelMessage(
                        Channel.SMS,
                        contact.id(),
                        only == null ? null : only.campaignId(),
                        only == null ? null : only.leadId(),
                        phone,
                        media > 0 ? "mms" : "text",
                        text,
                        params.toString(),
                        sid,
                        receivedAt));
        if (!filed.alreadyFiled() && only != null && only.leadId() != null) {
            leads.advance(tenant, only.leadId(), LeadStatus.REPLIED, Actor.system());
        }
        return filed;
    }

    private void publish(
            TenantId tenant,
            String type,
            String sid,
            String from,
            String keyword,
            String result,
            UUID suppressionId,
            UUID conversationId) {
        events.publishEvent(new SmsKeywordReceived(
                tenant.value(), type, sid, from, keyword, result, suppressionId, conversationId, Actor.system()));
    }

    private static String type(String keyword) {
        return OPT_OUT.contains(keyword) ? SmsKeywordReceived.OPTED_OUT : SmsKeywordReceived.OPTED_IN;
    }

    /** The sender in E.164, or null when it is no possible phone number (a short code, an alphanumeric sender). */
    private static String phone(String from) {
        if (from.isEmpty()) {
            return null;
        }
        try {
            return RecipientAddress.of(Channel.SMS, from, null).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
