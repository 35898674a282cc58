package ai.revo.missioncontrol.whatsapp;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.conversations.ChannelConversations;
import ai.revo.missioncontrol.conversations.InboundChannelMessage;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.TenantContext;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Processes a stored webhook delivery, each message in its own transaction: claimed once per (workspace, provider
 * message id) in that transaction (a failure rolls the claim back, so the retry or a reprocess handles it; a second
 * node processing the same message waits for the first and then skips it), the sender found by wa_id or
 * business-scoped user id (a new one becomes a contact and a lead NEW in the number's campaign, source WHATSAPP),
 * filed into the conversation, its customer-care window opened, and the safety check applied. Statuses move the
 * outbound message they name.
 */
@Service
public class WhatsAppInbound {

    private static final Logger log = LoggerFactory.getLogger(WhatsAppInbound.class);
    /** The webhook field of Meta's template status updates. */
    static final String TEMPLATE_STATUS = "message_template_status_update";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final WhatsAppNumberRepository numbers;
    private final ContactManagement contacts;
    private final LeadManagement leads;
    private final ChannelConversations conversations;
    private final ai.revo.missioncontrol.conversations.ConversationFollowUps followUps;
    private final SafetyManagement safety;
    private final OutboundGateway gateway;
    private final InboundSafety check;
    private final WhatsAppTemplates templates;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WhatsAppInbound(
            JdbcClient jdbc,
            ObjectMapper json,
            WhatsAppNumberRepository numbers,
            ContactManagement contacts,
            LeadManagement leads,
            ChannelConversations conversations,
            ai.revo.missioncontrol.conversations.ConversationFollowUps followUps,
            SafetyManagement safety,
            OutboundGateway gateway,
            InboundSafety check,
            WhatsAppTemplates templates,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.numbers = numbers;
        this.contacts = contacts;
        this.leads = leads;
        this.conversations = conversations;
        this.followUps = followUps;
        this.safety = safety;
        this.gateway = gateway;
        this.check = check;
        this.templates = templates;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** How many messages of a delivery were processed now, skipped (processed before) and receipts recorded. */
    public record Processed(int messages, int skipped, int receipts) {}

    /**
     * Processes one stored delivery. Throws when a message could not be processed (after recording the failure on
     * the delivery), so the queue tries again; messages processed before are skipped then.
     */
    public Processed process(TenantId tenant, UUID eventId) {
        return TenantContext.callAs(tenant.value(), () -> {
            String body =
                    tx.execute(s -> jdbc.sql("select body from whatsapp_webhook_events where tenant_id = ? and id = ?")
                            .params(tenant.value(), eventId)
                            .query(String.class)
                            .optional()
                            .orElse(null));
            WhatsAppNumber number =
                    tx.execute(s -> numbers.findByTenantId(tenant).orElse(null));
            if (body == null || number == null) {
                log.info("WhatsApp delivery {} of workspace {}: nothing to process", eventId, tenant.value());
                return new Processed(0, 0, 0);
            }
            JsonNode root = json.readTree(body);
            int done = 0;
            int skipped = 0;
            int receipts = 0;
            RuntimeException failure = null;
            for (JsonNode entry : root.path("entry")) {
                for (JsonNode change : entry.path("changes")) {
                    JsonNode value = change.path("value");
                    if (TEMPLATE_STATUS.equals(change.path("field").asText(""))) {
                        if (number.businessAccountId().equals(entry.path("id").asText(""))) {
                            tx.executeWithoutResult(s -> templates.statusUpdated(
                                    tenant,
                                    blankToNull(
                                            value.path("message_template_id").asText("")),
                                    blankToNull(
                                            value.path("message_template_name").asText("")),
                                    blankToNull(value.path("message_template_language")
                                            .asText("")),
                                    blankToNull(value.path("event").asText("")),
                                    blankToNull(value.path("reason").asText(""))));
                            receipts++;
                        }
                        continue;
                    }
                    if (!number.phoneNumberId()
                            .equals(value.path("metadata")
                                    .path("phone_number_id")
                                    .asText(""))) {
                        continue;
                    }
                    for (JsonNode message : value.path("messages")) {
                        try {
                            if (Boolean.TRUE.equals(
                                    tx.execute(s -> processMessage(tenant, number, eventId, value, message)))) {
                                done++;
                            } else {
                                skipped++;
                            }
                        } catch (RuntimeException e) {
                            log.warn(
                                    "WhatsApp message {} of delivery {} failed: {}",
                                    message.path("id").asText(),
                                    eventId,
                                    e.toString());
                            failure = failure == null ? e : failure;
                        }
                    }
                    for (JsonNode status : value.path("statuses")) {
                        receipts += receipt(tenant, status) ? 1 : 0;
                    }
                }
            }
            String error = failure == null ? null : failure.toString();
            tx.executeWithoutResult(s -> jdbc.sql("""
                    update whatsapp_webhook_events set status = ?, attempts = attempts + 1, error = ?,
                        processed_at = ?, updated_at = ? where tenant_id = ? and id = ?""")
                    .params(
                            error == null ? "PROCESSED" : "FAILED",
                            error,
                            Timestamp.from(clock.instant()),
                            Timestamp.from(clock.instant()),
                            tenant.value(),
                            eventId)
                    .update());
            if (failure != null) {
                throw failure;
            }
            return new Processed(done, skipped, receipts);
        });
    }

    private Boolean processMessage(TenantId tenant, WhatsAppNumber number, UUID eventId, JsonNode value, JsonNode m) {
        String providerId = m.path("id").asText("");
        String type = m.path("type").asText("unsupported");
        if (providerId.isEmpty()) {
            return false;
        }
        // the claim: a second node inserting the same key waits for this transaction, then finds it taken
        Integer claimed = jdbc.sql("""
                        insert into whatsapp_inbound_messages (tenant_id, provider_message_id, event_id, message_type,
                            outcome) values (?, ?, ?, ?, 'PROCESSING') on conflict do nothing returning 1""")
                .params(tenant.value(), providerId, eventId, type)
                .query(Integer.class)
                .optional()
                .orElse(null);
        if (claimed == null) {
            return false;
        }
        String waId = blankToNull(m.path("from").asText(null));
        String userId = blankToNull(m.path("from_user_id").asText(null));
        String profileName = null;
        for (JsonNode c : value.path("contacts")) {
            String cWa = blankToNull(c.path("wa_id").asText(null));
            String cUser = blankToNull(c.path("user_id").asText(null));
            if ((waId != null && waId.equals(cWa))
                    || (userId != null && userId.equals(cUser))
                    || value.path("contacts").size() == 1) {
                waId = waId == null ? cWa : waId;
                userId = userId == null ? cUser : userId;
                profileName = blankToNull(c.path("profile").path("name").asText(null));
            }
        }
        if (waId == null && userId == null) {
            throw new IllegalArgumentException("WhatsApp message " + providerId + " names no sender");
        }
        Instant at = occurredAt(m);
        Sender sender = sender(tenant, number, waId, userId, profileName);
        String text = readable(type, m);
        String phone = waId == null ? null : "+" + waId;
        ChannelConversations.Filed filed = conversations.recordInbound(
                tenant,
                new InboundChannelMessage(
                        Channel.WHATSAPP,
                        sender.contactId(),
                        number.campaignId(),
                        sender.leadId(),
                        phone != null ? phone : userId,
                        type,
                        text,
                        m.toString(),
                        providerId,
                        at));
        jdbc.sql("""
                update whatsapp_senders set last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?),
                    updated_at = now() where tenant_id = ? and id = ?""")
                .params(Timestamp.from(at), Timestamp.from(at), tenant.value(), sender.id())
                .update();
        String outcome = "FILED";
        if (sender.leadId() != null) {
            leads.advance(tenant, sender.leadId(), LeadStatus.REPLIED, Actor.system());
        }
        if ("text".equals(type) || "button".equals(type) || "interactive".equals(type)) {
            InboundSafety.Verdict verdict = check.check(text, number.stopWords(), number.sentimentThreshold());
            if (sender.leadId() != null) {
                leads.change(
                        tenant,
                        sender.leadId(),
                        new LeadChange(
                                null,
                                null,
                                null,
                                null,
                                null,
                                BigDecimal.valueOf(verdict.sentiment()).setScale(3, RoundingMode.HALF_UP),
                                null,
                                null),
                        Actor.system());
            }
            if (verdict.unsafe()) {
                outcome = "SAFETY";
                boolean suppressed = false;
                if (sender.leadId() != null) {
                    leads.advance(tenant, sender.leadId(), LeadStatus.DND, Actor.system());
                }
                if (phone != null && possiblePhone(phone) && !safety.isSuppressed(tenant, Channel.WHATSAPP, phone)) {
                    safety.suppress(tenant, Channel.WHATSAPP, phone, "DND", verdict.reason(), Actor.system());
                    suppressed = true;
                }
                events.publishEvent(new WhatsAppSafetyTriggered(
                        tenant.value(),
                        filed.conversationId(),
                        sender.contactId(),
                        sender.leadId(),
                        number.campaignId(),
                        verdict.keyword(),
                        verdict.sentiment(),
                        verdict.reason(),
                        suppressed));
            }
        }
        if ("order".equals(type) && !filed.alreadyFiled()) {
            outcome = order(tenant, number, filed, sender, m, providerId);
        }
        if (!outcome.equals("SAFETY") && !filed.alreadyFiled()) {
            outcome = snoozeOrWake(tenant, number, filed, sender, type, text, outcome);
        }
        jdbc.sql("""
                update whatsapp_inbound_messages set outcome = ?, conversation_id = ?, updated_at = now()
                where tenant_id = ? and provider_message_id = ?""")
                .params(outcome, filed.conversationId(), tenant.value(), providerId)
                .update();
        return true;
    }

    /**
     * A text with one of the snooze phrases snoozes the lead and schedules its follow-up; any other message from the
     * person cancels a follow-up still waiting (they wrote first), and a snoozed lead is back to REPLIED.
     */
    private String snoozeOrWake(
            TenantId tenant,
            WhatsAppNumber number,
            ChannelConversations.Filed filed,
            Sender sender,
            String type,
            String text,
            String outcome) {
        String phrase = "text".equals(type) ? InboundSafety.snoozePhrase(text, number.snoozePhrases()) : null;
        if (phrase != null && sender.leadId() != null) {
            followUps.snooze(
                    tenant, filed.conversationId(), sender.leadId(), number.campaignId(), filed.messageId(), phrase);
            leads.advance(tenant, sender.leadId(), LeadStatus.SNOOZED, Actor.system());
            return "SNOOZED";
        }
        int cancelled = followUps.cancelPending(
                tenant, filed.conversationId(), "Cancelled: the person wrote again before the follow-up was due");
        if (sender.leadId() != null && leads.get(tenant, sender.leadId()).status() == LeadStatus.SNOOZED) {
            leads.advance(tenant, sender.leadId(), LeadStatus.CONTACTED, Actor.system());
            leads.advance(tenant, sender.leadId(), LeadStatus.REPLIED, Actor.system());
        }
        return cancelled > 0 ? "WOKE" : outcome;
    }

    /**
     * An order from the catalogue: kept with its items, total and currency on the lead, whose potential value becomes
     * the total; {@code order.received} (COMMERCE) is published and the person gets a confirmation in the thread.
     */
    private String order(
            TenantId tenant,
            WhatsAppNumber number,
            ChannelConversations.Filed filed,
            Sender sender,
            JsonNode m,
            String providerId) {
        JsonNode order = m.path("order");
        List<WhatsAppOrderView.Item> items = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        String currency = null;
        int count = 0;
        for (JsonNode item : order.path("product_items")) {
            BigDecimal price = new BigDecimal(item.path("item_price").asText("0"));
            int quantity = Math.max(1, item.path("quantity").asInt(1));
            String itemCurrency = item.path("currency").asText("").toUpperCase(Locale.ROOT);
            currency = currency == null && !itemCurrency.isEmpty() ? itemCurrency : currency;
            items.add(new WhatsAppOrderView.Item(
                    item.path("product_retailer_id").asText(null), quantity, price, itemCurrency));
            total = total.add(price.multiply(BigDecimal.valueOf(quantity)));
            count += quantity;
        }
        if (items.isEmpty() || currency == null) {
            return "FILED"; // an order without items or currency is kept as a message only
        }
        total = total.setScale(2, RoundingMode.HALF_UP);
        UUID id = UUID.randomUUID();
        String itemsJson;
        try {
            itemsJson = json.writeValueAsString(items);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                insert into whatsapp_orders (id, tenant_id, conversation_id, contact_id, lead_id, provider_message_id,
                    catalog_id, items, total, currency, note) values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                on conflict (tenant_id, provider_message_id) do nothing""")
                .params(
                        id,
                        tenant.value(),
                        filed.conversationId(),
                        sender.contactId(),
                        sender.leadId(),
                        providerId,
                        blankToNull(order.path("catalog_id").asText(null)),
                        itemsJson,
                        total,
                        currency,
                        blankToNull(order.path("text").asText(null)))
                .update();
        if (sender.leadId() != null) {
            leads.change(
                    tenant,
                    sender.leadId(),
                    new LeadChange(null, null, null, total, currency, null, null, null),
                    Actor.system());
        }
        events.publishEvent(new WhatsAppOrderReceived(
                tenant.value(),
                id,
                filed.conversationId(),
                sender.leadId(),
                number.campaignId(),
                count,
                total,
                currency));
        conversations.send(
                tenant,
                filed.conversationId(),
                "Thank you for your order: " + count + (count == 1 ? " item" : " items") + ", total "
                        + total.toPlainString() + " " + currency + ". We will confirm it shortly.",
                "order-confirmation:" + providerId,
                Actor.system());
        return "ORDER";
    }

    private record Sender(UUID id, UUID contactId, UUID leadId) {}

    /** The sender by wa_id or business-scoped user id; a new one becomes a contact and a lead of the number's campaign. */
    private Sender sender(TenantId tenant, WhatsAppNumber number, String waId, String userId, String profileName) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param("whatsapp-sender:" + tenant.value() + ":" + (waId != null ? waId : userId))
                .query((rs, n) -> 1)
                .list();
        List<Object[]> found = jdbc.sql("""
                        select id, contact_id, lead_id, wa_id, user_id from whatsapp_senders
                        where tenant_id = :tenant and (wa_id = :wa or user_id = :user)
                        order by case when wa_id = :wa then 0 else 1 end limit 1""")
                .param("tenant", tenant.value())
                .param("wa", waId == null ? "" : waId)
                .param("user", userId == null ? "" : userId)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5)
                })
                .list();
        if (!found.isEmpty()) {
            Object[] row = found.get(0);
            UUID id = (UUID) row[0];
            UUID contactId = (UUID) row[1];
            UUID leadId = (UUID) row[2];
            if ((row[3] == null && waId != null) || (row[4] == null && userId != null)) {
                jdbc.sql("""
                        update whatsapp_senders set wa_id = coalesce(wa_id, ?), user_id = coalesce(user_id, ?),
                            updated_at = now() where tenant_id = ? and id = ?""").params(waId, userId, tenant.value(), id).update();
            }
            if (leadId == null && number.campaignId() != null) {
                leadId = leadOf(tenant, contactId, number.campaignId());
                jdbc.sql("update whatsapp_senders set lead_id = ? where tenant_id = ? and id = ?")
                        .params(leadId, tenant.value(), id)
                        .update();
            }
            return new Sender(id, contactId, leadId);
        }
        String firstName = profileName != null
                ? profileName
                : waId == null ? "WhatsApp user " + userId.substring(Math.max(0, userId.length() - 4)) : null;
        // a wa_id that is no possible phone number (Meta's test numbers) still makes a contact, without a phone
        String phone = waId != null && possiblePhone("+" + waId) ? "+" + waId : null;
        if (firstName == null && phone == null) {
            firstName = "WhatsApp " + waId;
        }
        ContactView contact = contacts.upsert(
                tenant,
                new ContactDetails(firstName, null, null, phone, null, null, null, null, null, "WHATSAPP", null, null),
                Actor.system());
        UUID leadId = number.campaignId() == null ? null : leadOf(tenant, contact.id(), number.campaignId());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into whatsapp_senders (id, tenant_id, wa_id, user_id, contact_id, lead_id, profile_name)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenant.value(), waId, userId, contact.id(), leadId, profileName)
                .update();
        return new Sender(id, contact.id(), leadId);
    }

    /** The contact's lead in the campaign, enrolled (NEW, source WHATSAPP) when they have none. */
    private UUID leadOf(TenantId tenant, UUID contactId, UUID campaignId) {
        Optional<UUID> existing = contacts.get(tenant, contactId).campaigns().stream()
                .filter(e -> campaignId.equals(e.campaignId()))
                .map(ContactView.Enrolment::leadId)
                .findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        return leads.enrol(tenant, campaignId, contactId, null, LeadChange.none(), Actor.system())
                .id();
    }

    private boolean receipt(TenantId tenant, JsonNode status) {
        String id = status.path("id").asText("");
        String state = status.path("status").asText("").toUpperCase(Locale.ROOT);
        String error = null;
        JsonNode errors = status.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode e = errors.get(0);
            error = "WhatsApp error " + e.path("code").asText() + ": "
                    + e.path("title").asText("")
                    + (e.path("error_data").path("details").isTextual()
                            ? " (" + e.path("error_data").path("details").asText() + ")"
                            : "");
        }
        Instant at = status.hasNonNull("timestamp")
                ? Instant.ofEpochSecond(status.path("timestamp").asLong())
                : null;
        return gateway.recordReceipt(tenant, Channel.WHATSAPP, id, state, error, at)
                .isPresent();
    }

    /** What a person reads of a message, by its type. Unknown types are kept and shown as unsupported. */
    static String readable(String type, JsonNode m) {
        return switch (type) {
            case "text" -> m.path("text").path("body").asText("");
            case "interactive" -> {
                JsonNode i = m.path("interactive");
                JsonNode reply = i.has("button_reply") ? i.path("button_reply") : i.path("list_reply");
                yield reply.path("title").asText("[interactive reply]");
            }
            case "button" ->
                m.path("button")
                        .path("text")
                        .asText(m.path("button").path("payload").asText(""));
            case "order" -> {
                JsonNode order = m.path("order");
                BigDecimal total = BigDecimal.ZERO;
                String currency = "";
                int items = 0;
                for (JsonNode item : order.path("product_items")) {
                    BigDecimal price = new BigDecimal(item.path("item_price").asText("0"));
                    BigDecimal quantity = new BigDecimal(item.path("quantity").asText("1"));
                    total = total.add(price.multiply(quantity));
                    currency = item.path("currency").asText(currency);
                    items += quantity.intValue();
                }
                yield "Order: " + items + (items == 1 ? " item" : " items") + ", total "
                        + total.stripTrailingZeros().toPlainString() + " " + currency
                        + (order.hasNonNull("text") ? " — " + order.path("text").asText() : "");
            }
            case "image", "video", "audio", "document", "sticker" -> {
                JsonNode media = m.path(type);
                String caption =
                        media.path("caption").asText(media.path("filename").asText(""));
                yield "[" + type + "]" + (caption.isEmpty() ? "" : " " + caption);
            }
            case "location" -> {
                JsonNode l = m.path("location");
                String name =
                        (l.path("name").asText("") + " " + l.path("address").asText("")).trim();
                yield "[location] " + (name.isEmpty() ? "" : name + " ") + "("
                        + l.path("latitude").asText() + ", "
                        + l.path("longitude").asText() + ")";
            }
            case "reaction" -> "Reacted " + m.path("reaction").path("emoji").asText("");
            default -> "[unsupported message: " + type + "]";
        };
    }

    static boolean possiblePhone(String e164) {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            return phones.isPossibleNumber(phones.parse(e164, null));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * When the person sent the message. Meta gives whole seconds; while we are still inside that second our own clock
     * places it more finely, so a reply that arrives in the same second as our answer sorts after it in the thread
     * (it sorted before, at the second's start). A message processed after its second ended is placed at that
     * second's last microsecond: never before a message of the same second placed by our clock, which it followed
     * (at the second's start it sorted before it, and the responder took the earlier message for the newest and
     * discarded the answer to the later one). Messages of one second that tie keep their order of arrival.
     */
    private Instant occurredAt(JsonNode m) {
        Instant now = clock.instant();
        if (!m.hasNonNull("timestamp")) {
            return now;
        }
        Instant second = Instant.ofEpochSecond(m.path("timestamp").asLong());
        if (now.isBefore(second)) {
            return second;
        }
        Instant next = second.plusSeconds(1);
        return now.isBefore(next) ? now : next.minusNanos(1_000);
    }
}
