package ai.revo.missioncontrol.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Incoming SMS as Twilio posts it (signed form parameters, status {@code received}): STOP and the other opt-out
 * keywords suppress the number, START lifts only that opt-out, HELP and any other text are filed into the contact's
 * SMS conversation once per MessageSid, and a reply stops the person's running sequence.
 */
class SmsInboundTest extends SmsIntegrationTest {

    @Autowired
    SafetyManagement safety;

    @Autowired
    SmsCallbacks callbacks;

    static String number() {
        return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
    }

    /** An incoming message as Twilio posts it to the webhook, signed with the workspace's token. */
    int incoming(Workspace w, String sid, String from, String body) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("ToCountry", "US");
        p.put("SmsMessageSid", sid);
        p.put("NumMedia", "0");
        p.put("SmsSid", sid);
        p.put("SmsStatus", "received");
        p.put("Body", body);
        p.put("To", "+15005550006");
        p.put("NumSegments", "1");
        p.put("MessageSid", sid);
        p.put("AccountSid", w.accountSid());
        p.put("From", from);
        p.put("ApiVersion", "2010-04-01");
        return postForm(localUrl(w), p, sign(w.authToken(), localUrl(w), p)).statusCode();
    }

    /** The processing outcome of the message, once processed. */
    String outcome(String sid) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> db().sql("select outcome from sms_webhook_events where message_sid = ? and status ="
                                        + " 'PROCESSED'")
                                .param(sid)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    long events(Workspace w, String type, String sid) {
        return db().sql("select count(*) from events where tenant_id = ?::uuid and type = ? and entity_id = ?")
                .params(w.admin().tenantId(), type, sid)
                .query(Long.class)
                .single();
    }

    JsonNode send(Workspace w, String to, String key) {
        return api().post(
                        "/api/v1/outbound/test",
                        w.admin().accessToken(),
                        Map.of("channel", "SMS", "to", to, "body", "Your table is ready", "idempotencyKey", key))
                .expect(200)
                .json();
    }

    boolean suppressed(Workspace w, String number) {
        return safety.isSuppressed(TenantId.of(w.admin().tenantId()), Channel.SMS, number);
    }

    @Test
    void stopSuppressesTheNumberSoTheGatewayRefusesItAndStartLiftsIt() {
        Workspace w = connected();
        sendForReal(w);
        String to = number();
        String stop = messageSid();
        assertThat(incoming(w, stop, to, "  stop \n")).isEqualTo(200);
        assertThat(outcome(stop)).isEqualTo("Opt-out (STOP): " + to + " suppressed for SMS");
        assertThat(suppressed(w, to)).isTrue();
        assertThat(events(w, "sms.opted_out", stop)).isEqualTo(1);
        // a later send to that number is refused by the gateway and never reaches Twilio
        assertThat(send(w, to, "after-stop").path("status").asText()).isEqualTo("BLOCKED_SUPPRESSED");
        TWILIO.verify(
                0,
                postRequestedFor(urlPathEqualTo(SmsTwilioTest.messagesPath(w))).withFormParam("To", equalTo(to)));
        // another opt-out word while suppressed changes nothing more
        String quit = messageSid();
        incoming(w, quit, to, "Quit");
        assertThat(outcome(quit)).isEqualTo("Opt-out (QUIT): " + to + " was already suppressed for SMS");

        String start = messageSid();
        incoming(w, start, to, "START");
        assertThat(outcome(start)).isEqualTo("Opt-in (START): the SMS opt-out of " + to + " is lifted");
        assertThat(suppressed(w, to)).isFalse();
        assertThat(events(w, "sms.opted_in", start)).isEqualTo(1);
        String sid = messageSid();
        TWILIO.stubFor(post(urlPathEqualTo(SmsTwilioTest.messagesPath(w)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SmsTwilioTest.created(w, sid, to, "Your table is ready"))));
        assertThat(send(w, to, "after-start").path("status").asText()).isEqualTo("SENT");
        // opt-out keywords are not filed as replies
        assertThat(conversations(w)).isEmpty();
    }

    @Test
    void startNeverLiftsASuppressionThatNoSmsOptOutMade() {
        Workspace w = connected();
        String to = number();
        api().post(
                        "/api/v1/suppressions",
                        w.admin().accessToken(),
                        Map.of("channel", "SMS", "address", to, "reason", "MANUAL", "note", "Legal asked us"))
                .expect(201);
        String start = messageSid();
        incoming(w, start, to, "unstop");
        assertThat(outcome(start))
                .isEqualTo("Opt-in (UNSTOP): " + to + " stays suppressed for SMS: the suppression (MANUAL) was not"
                        + " made by an SMS opt-out, so only a person can lift it");
        assertThat(suppressed(w, to)).isTrue();
        assertThat(events(w, "sms.opted_in", start)).isEqualTo(1);
        // a START from a number nobody suppressed says so
        String other = number();
        String yes = messageSid();
        incoming(w, yes, other, "YES");
        assertThat(outcome(yes)).isEqualTo("Opt-in (YES): " + other + " was not suppressed for SMS");
    }

    List<JsonNode> conversations(Workspace w) {
        List<JsonNode> out = new java.util.ArrayList<>();
        api().get("/api/v1/conversations?channel=SMS", w.admin().accessToken())
                .expect(200)
                .json()
                .path("data")
                .forEach(out::add);
        return out;
    }

    JsonNode messages(Workspace w, String conversationId) {
        return api().get(
                        "/api/v1/conversations/" + conversationId + "/messages",
                        w.admin().accessToken())
                .expect(200)
                .json()
                .path("data");
    }

    @Test
    void aReplyIsFiledOnceIntoTheContactsConversationAndStopsTheirRunningSequence() {
        Workspace w = connected();
        String t = w.admin().accessToken();
        String phone = number();
        String campaign = api().post("/api/v1/campaigns", t, Map.of("name", "SMS " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode lead = api().post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of(
                                        "phone",
                                        phone,
                                        "firstName",
                                        "Ada",
                                        "email",
                                        ai.revo.missioncontrol.support.Api.uniqueEmail("sms"))))
                .expect(201)
                .json();
        String sequence = api().post(
                        "/api/v1/sequences",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "name",
                                "Follow up",
                                "steps",
                                List.of(Map.of(
                                        "kind",
                                        "TASK",
                                        "delay",
                                        Map.of("amount", 3, "unit", "DAYS"),
                                        "instruction",
                                        "Call {{firstName}}"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api().patch("/api/v1/sequences/" + sequence, t, Map.of("status", "ACTIVE"))
                .expect(200);
        api().post(
                        "/api/v1/sequences/" + sequence + "/enrolments",
                        t,
                        Map.of("leadIds", List.of(lead.path("id").asText())))
                .expect(200);

        // the lead was texted by the sequence's earlier step (set here directly; the pipeline's steps are not the test)
        db().sql("update leads set status = 'CONTACTED' where id = ?::uuid")
                .param(lead.path("id").asText())
                .update();
        String sid = messageSid();
        assertThat(incoming(w, sid, phone, "Sounds good, call me on Tuesday")).isEqualTo(200);
        // Twilio delivering the same message again files nothing twice
        assertThat(incoming(w, sid, phone, "Sounds good, call me on Tuesday")).isEqualTo(200);
        String outcome = outcome(sid);
        assertThat(outcome).startsWith("Filed into conversation ");
        List<JsonNode> threads = conversations(w);
        assertThat(threads).hasSize(1);
        JsonNode thread = threads.get(0);
        assertThat(outcome).endsWith(thread.path("id").asText());
        assertThat(thread.path("contactId").asText())
                .isEqualTo(lead.path("contactId")
                        .asText(lead.path("contact").path("id").asText()));
        assertThat(thread.path("campaignId").asText()).isEqualTo(campaign);
        assertThat(thread.path("status").asText()).isEqualTo("TO_ANSWER");
        JsonNode filed = messages(w, thread.path("id").asText());
        assertThat(filed).hasSize(1);
        assertThat(filed.get(0).path("direction").asText()).isEqualTo("INBOUND");
        assertThat(filed.get(0).path("channel").asText()).isEqualTo("SMS");
        assertThat(filed.get(0).path("text").asText()).isEqualTo("Sounds good, call me on Tuesday");
        assertThat(filed.get(0).path("providerMessageId").asText()).isEqualTo(sid);

        // processing the stored message again (a retry after a failure) files nothing more
        UUID eventId = db().sql("select id from sms_webhook_events where message_sid = ?")
                .param(sid)
                .query(UUID.class)
                .single();
        db().sql("update sms_webhook_events set status = 'RECEIVED' where id = ?")
                .param(eventId)
                .update();
        assertThat(callbacks.process(TenantId.of(w.admin().tenantId()), eventId))
                .isEqualTo(
                        "Already filed into conversation " + thread.path("id").asText());
        assertThat(messages(w, thread.path("id").asText())).hasSize(1);

        // the reply stops the running enrolment, as a WhatsApp or email reply does
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/api/v1/sequences/" + sequence + "/enrolments", t)
                                .expect(200)
                                .json()
                                .path("data")
                                .get(0)
                                .path("status")
                                .asText(),
                        "STOPPED"::equals);
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> api().get("/api/v1/leads/" + lead.path("id").asText(), t)
                                .expect(200)
                                .json()
                                .path("status")
                                .asText(),
                        "REPLIED"::equals);
    }

    @Test
    void aStrangersTextAndHelpBecomeANewContactsConversation() {
        Workspace w = connected();
        String phone = number();
        String hello = messageSid();
        incoming(w, hello, phone, "Who is this?");
        assertThat(outcome(hello)).startsWith("Filed into conversation ");
        String help = messageSid();
        incoming(w, help, phone, "help");
        assertThat(outcome(help)).startsWith("Help request (HELP) from " + phone + " filed into conversation ");
        assertThat(events(w, "sms.help_requested", help)).isEqualTo(1);
        List<JsonNode> threads = conversations(w);
        assertThat(threads).hasSize(1);
        assertThat(threads.get(0).path("participant").asText()).isEqualTo(phone);
        assertThat(threads.get(0).path("campaignId").isNull()).isTrue();
        JsonNode filed = messages(w, threads.get(0).path("id").asText());
        assertThat(filed).hasSize(2);
        assertThat(filed.get(1).path("text").asText()).isEqualTo("help");
        JsonNode contact = api().get(
                        "/api/v1/contacts/" + threads.get(0).path("contactId").asText(),
                        w.admin().accessToken())
                .expect(200)
                .json();
        assertThat(contact.path("phone").asText()).isEqualTo(phone);
        assertThat(contact.path("source").asText()).isEqualTo("SMS");
        // an operator's answer goes back to the number through the gateway on SMS
        sendForReal(w);
        String answerSid = messageSid();
        TWILIO.stubFor(post(urlPathEqualTo(SmsTwilioTest.messagesPath(w)))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(SmsTwilioTest.created(w, answerSid, phone, "This is Revo, how can we help?"))));
        String conversation = threads.get(0).path("id").asText();
        JsonNode queued = api().send(
                        "POST",
                        "/api/v1/conversations/" + conversation + "/messages",
                        w.admin().accessToken(),
                        Map.of("text", "This is Revo, how can we help?"),
                        Map.of("Idempotency-Key", "sms-answer-1"))
                .expect(202)
                .json();
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            for (JsonNode m : messages(w, conversation)) {
                                if (m.path("id")
                                        .asText()
                                        .equals(queued.path("id").asText())) {
                                    return m.path("status").asText();
                                }
                            }
                            return null;
                        },
                        "SENT"::equals);
        TWILIO.verify(
                1,
                postRequestedFor(urlPathEqualTo(SmsTwilioTest.messagesPath(w)))
                        .withFormParam("To", equalTo(phone))
                        .withFormParam("Body", equalTo("This is Revo, how can we help?")));
        // a sender that is no phone number (an alphanumeric sender id) is kept and filed nowhere
        String alpha = messageSid();
        incoming(w, alpha, "REVOBANK", "STOP");
        assertThat(outcome(alpha)).contains("no phone number");
        assertThat(conversations(w)).hasSize(1);
    }
}
