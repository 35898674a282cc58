package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmailSendTest extends EmailIntegrationTest {

    @Autowired
    EmailQueue queue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    Clock clock;

    @Autowired
    ai.revo.missioncontrol.outbound.OutboundGateway gateway;

    @AfterEach
    void resetFront() {
        FRONT.reset();
    }

    record Setup(Api api, Api.Session admin, String campaignId, String leadId, String to) {
        String token() {
            return admin.accessToken();
        }
    }

    private Setup setup(boolean live, Map<String, Object> campaign) {
        Api api = api();
        Api.Session admin = api.signup();
        if (live) {
            api.patch("/api/v1/settings/safety", admin.accessToken(), live()).expect(200);
        }
        Map<String, Object> body = new HashMap<>(campaign);
        body.putIfAbsent("name", "Email " + UUID.randomUUID().toString().substring(0, 8));
        String campaignId = api.post("/api/v1/campaigns", admin.accessToken(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
        String to = Api.uniqueEmail("lena");
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaignId, "contact", Map.of("firstName", "Lena", "email", to)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new Setup(api, admin, campaignId, lead, to);
    }

    private Api.Response send(Setup s, String key, Object body) {
        Map<String, String> headers = key == null ? Map.of() : Map.of("Idempotency-Key", key);
        return s.api().send("POST", "/api/v1/emails/send", s.token(), body, headers);
    }

    private UUID draft(Setup s) {
        return composerDraft(
                s.admin().tenantId(),
                UUID.fromString(s.campaignId()),
                UUID.fromString(s.leadId()),
                "Hello Lena",
                "<p>Hi <b>Lena</b>, shall we talk? See <a href=\"https://revo.example/offer\">our offer</a>.</p>",
                "Hi Lena, shall we talk?");
    }

    private JsonNode waitFor(Setup s, String emailId, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> s.api()
                                .get("/api/v1/emails/" + emailId, s.token())
                                .expect(200)
                                .json(),
                        done::test);
    }

    private static Predicate<JsonNode> status(String... statuses) {
        Set<String> set = Set.of(statuses);
        return e -> set.contains(e.path("status").asText());
    }

    private static List<MimeMessage> delivered(String to) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : GREENMAIL.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(to))) {
                found.add(m);
            }
        }
        return found;
    }

    @Test
    void sendsThroughSmtpWithOurMessageIdAndBothParts() throws Exception {
        Setup s = setup(true, Map.of());
        UUID draft = draft(s);
        JsonNode accepted = send(
                        s,
                        "key-" + UUID.randomUUID(),
                        Map.of("draftId", draft.toString(), "fromEmail", "sales@revo.example", "toEmail", s.to()))
                .expect(202)
                .json();
        assertThat(accepted.path("status").asText()).isEqualTo("PENDING_SEND");
        assertThat(accepted.path("createdAt").asText()).isNotBlank();
        String id = accepted.path("id").asText();
        JsonNode email = waitFor(s, id, status("SENT"));
        assertThat(email.path("status").asText()).isEqualTo("SENT");
        String messageId = email.path("messageId").asText();
        assertThat(messageId).isEqualTo("<" + id + "@revo.example>");
        assertThat(email.path("providerMessageId").asText()).isEqualTo(messageId);
        assertThat(email.path("sentAt").asText()).isNotBlank();
        assertThat(email.path("source").asText()).isEqualTo("COMPOSER");
        List<String> history = new ArrayList<>();
        email.path("history").forEach(h -> history.add(h.path("status").asText()));
        assertThat(history).containsExactly("PENDING_SEND", "SENDING", "SENT");
        assertThat(email.path("attempts")).hasSize(1);
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(email.path("attempts").get(0).path("smtpReply").asText()).startsWith("250");

        List<MimeMessage> messages = delivered(s.to());
        assertThat(messages).hasSize(1);
        MimeMessage m = messages.get(0);
        assertThat(m.getMessageID()).isEqualTo(messageId);
        assertThat(m.getSubject()).isEqualTo("Hello Lena");
        assertThat(m.getFrom()[0].toString()).isEqualTo("sales@revo.example");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertThat(text.getContentType()).startsWith("text/plain");
        assertThat(((String) text.getContent()).trim())
                .startsWith("Hi Lena, shall we talk?")
                .contains("/unsubscribe?t=");
        assertThat(html.getContentType()).startsWith("text/html");
        String body = (String) html.getContent();
        assertThat(body).contains("<b>Lena</b>");
        // the tracking decorator: open pixel, the link rewritten to a signed redirect, a visible unsubscribe link and
        // the RFC 8058 headers
        assertThat(body)
                .contains("/api/v1/webhooks/email/open-pixel?t=", "/api/v1/webhooks/email/click?t=", "/unsubscribe?t=")
                .doesNotContain("href=\"https://revo.example/offer\"");
        assertThat(m.getHeader("List-Unsubscribe")[0])
                .contains("/unsubscribe?t=")
                .doesNotContain("mailto:");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        java.util.regex.Matcher click = java.util.regex.Pattern.compile("/api/v1/webhooks/email/click\\?t=([^\"&]+)")
                .matcher(body);
        assertThat(click.find()).isTrue();
        var redirect = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                                        + "/api/v1/webhooks/email/click?t=" + click.group(1)))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location")).hasValue("https://revo.example/offer");

        // the first email queued makes the DRAFT campaign ACTIVE; the campaign lists the lead as a prospect
        assertThat(s.api()
                        .get("/api/v1/campaigns/" + s.campaignId(), s.token())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        JsonNode prospects = s.api()
                .get("/api/v1/campaigns/" + s.campaignId() + "/prospects", s.token())
                .expect(200)
                .json()
                .path("data");
        assertThat(prospects).hasSize(1);
        assertThat(prospects.get(0).path("email").asText()).isEqualTo(s.to());
        assertThat(prospects.get(0).path("lastEmail").path("status").asText()).isEqualTo("SENT");
        assertThat(prospects.get(0).path("opened").asBoolean()).isFalse();
        JsonNode list = s.api()
                .get("/api/v1/emails?status=SENT&q=" + s.to(), s.token())
                .expect(200)
                .json();
        assertThat(list.path("data")).hasSize(1);
        assertThat(list.path("pagination").path("total").asLong()).isEqualTo(1);
    }

    @Test
    void theSameKeyAnswersTheFirstResponseAndNeverQueuesTwice() throws Exception {
        Setup s = setup(true, Map.of());
        UUID draft = draft(s);
        Map<String, Object> body = Map.of("draftId", draft.toString(), "toEmail", s.to());
        String key = "key-" + UUID.randomUUID();
        Api.Response first = send(s, key, body).expect(202);
        Api.Response again = send(s, key, body).expect(202);
        assertThat(again.json()).isEqualTo(first.json());
        send(s, key, Map.of("draftId", draft.toString(), "toEmail", "other@example.com"))
                .expectError(409, "IDEMPOTENCY_CONFLICT");
        send(s, null, body).expectError(400, "VALIDATION_ERROR");
        assertThat(s.api()
                        .get("/api/v1/emails?q=" + s.to(), s.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(1);

        // two threads, one new key, at the same moment: one email
        String concurrent = "key-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Api.Response> call = () -> {
            start.await();
            return send(s, concurrent, body);
        };
        Future<Api.Response> a = pool.submit(call);
        Future<Api.Response> b = pool.submit(call);
        start.countDown();
        Api.Response ra = a.get();
        Api.Response rb = b.get();
        pool.shutdown();
        assertThat(ra.status()).isEqualTo(202);
        assertThat(rb.status()).isEqualTo(202);
        assertThat(ra.json().path("id").asText()).isEqualTo(rb.json().path("id").asText());
        assertThat(s.api()
                        .get("/api/v1/emails?q=" + s.to(), s.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(2);
        waitFor(s, ra.json().path("id").asText(), status("SENT"));
        waitFor(s, first.json().path("id").asText(), status("SENT"));
        assertThat(delivered(s.to())).hasSize(2);
    }

    @Test
    void dryRunSimulatesAndNothingReachesSmtp() throws Exception {
        Setup s = setup(false, Map.of());
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode email = waitFor(s, id, status("SIMULATED"));
        assertThat(email.path("status").asText()).isEqualTo("SIMULATED");
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("SIMULATED");
        // the recorded SIMULATED attempt is the sign the worker finished with this email; a real send would have
        // reached SMTP before any outcome was recorded
        assertThat(delivered(s.to())).isEmpty();
    }

    @Test
    void theEmailSwitchAndTheSuppressionListBlock() throws Exception {
        Setup s = setup(false, Map.of());
        s.api()
                .patch(
                        "/api/v1/settings/safety",
                        s.token(),
                        Map.of("dryRunMode", false, "channels", Map.of("EMAIL", false)))
                .expect(200);
        String off = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode blocked = waitFor(s, off, status("BLOCKED"));
        assertThat(blocked.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.path("reason").asText()).contains("BLOCKED_CHANNEL_OFF");

        s.api().patch("/api/v1/settings/safety", s.token(), live()).expect(200);
        s.api()
                .post(
                        "/api/v1/suppressions",
                        s.token(),
                        Map.of("channel", "EMAIL", "address", s.to(), "reason", "MANUAL"))
                .expect(201);
        String suppressed = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode b = waitFor(s, suppressed, status("BLOCKED"));
        assertThat(b.path("reason").asText()).contains("BLOCKED_SUPPRESSED");
        assertThat(delivered(s.to())).isEmpty();
    }

    @Test
    void aTransientFailureIsRetriedThenSentAndRepeatedFailuresEndInTheDeadLetterList() throws Exception {
        Setup s = setup(true, Map.of());
        FRONT.refuseNext(1);
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode email = waitFor(s, id, status("SENT", "FAILED"));
        assertThat(email.path("status").asText()).isEqualTo("SENT");
        assertThat(email.path("attempts")).hasSize(2);
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("TRANSIENT_FAILURE");
        assertThat(email.path("attempts").get(0).path("smtpReply").asText()).contains("421");
        assertThat(email.path("attempts").get(1).path("outcome").asText()).isEqualTo("ACCEPTED");
        assertThat(delivered(s.to())).hasSize(1);

        FRONT.refuseNext(3);
        String to2 = Api.uniqueEmail("down");
        String id2 = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", to2))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode failed = waitFor(s, id2, status("SENT", "FAILED"));
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("attempts")).hasSize(3);
        assertThat(failed.path("reason").asText()).contains("Gave up after 3 attempts");
        JsonNode dead = s.api()
                .get("/api/v1/emails?status=FAILED", s.token())
                .expect(200)
                .json()
                .path("data");
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).path("id").asText()).isEqualTo(id2);
        assertThat(delivered(to2)).isEmpty();
    }

    @Test
    void aPermanentFailureFailsAtOnceAndSuppressesTheAddressAsBounced() throws Exception {
        Setup s = setup(true, Map.of());
        FRONT.rejectRecipients(true);
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode email = waitFor(s, id, status("SENT", "FAILED"));
        FRONT.rejectRecipients(false);
        assertThat(email.path("status").asText()).isEqualTo("FAILED");
        assertThat(email.path("attempts")).hasSize(1);
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("PERMANENT_FAILURE");
        assertThat(email.path("attempts").get(0).path("smtpReply").asText()).contains("550");
        JsonNode suppressions = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> s.api()
                                .get("/api/v1/suppressions?channel=EMAIL", s.token())
                                .expect(200)
                                .json()
                                .path("data"),
                        d -> d.size() > 0);
        assertThat(suppressions).hasSize(1);
        assertThat(suppressions.get(0).path("reason").asText()).isEqualTo("BOUNCED");
        JsonNode events = s.api()
                .get("/api/v1/events/feed?type=email.&entityId=" + id + "&order=asc", s.token())
                .expect(200)
                .json()
                .path("data");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("email.queued", "email.bounced", "email.failed");
    }

    /** What a node that died during the SMTP conversation of attempt 1 leaves behind, ten minutes ago. */
    private void diedDuringSmtp(String id) {
        UUID emailId = UUID.fromString(id);
        update("update emails set status = 'SENDING', sent_at = null where id = ?", emailId);
        update(
                "update email_logs set outcome = 'STARTED', smtp_reply = null, finished_at = null, "
                        + "started_at = now() - interval '10 minutes' where email_id = ?",
                emailId);
        update(
                "update outbound_messages set status = 'SENDING', sent_at = null, decided_at = now() - interval "
                        + "'10 minutes', updated_at = now() - interval '10 minutes' where idempotency_key = ?",
                "email:" + id + ":1");
    }

    private List<String> types(Setup s, String id) {
        List<String> types = new ArrayList<>();
        s.api()
                .get("/api/v1/events/feed?type=email.&entityId=" + id + "&order=asc", s.token())
                .expect(200)
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    @Test
    void aCrashedAttemptBecomesUnknownNeverSentAndASendAgainGoesOutWithTheSameMessageId() throws Exception {
        Setup s = setup(true, Map.of());
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        waitFor(s, id, status("SENT"));
        assertThat(delivered(s.to())).hasSize(1);
        int connections = FRONT.connections.get();

        // the node died during the SMTP conversation: the attempt is STARTED, the gateway shows it in flight
        diedDuringSmtp(id);
        queue.enqueue(TenantId.of(s.admin().tenantId()), UUID.fromString(id), Instant.now());

        JsonNode email = waitFor(s, id, status("UNKNOWN"));
        assertThat(email.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(email.path("reason").asText()).contains("may or may not have arrived");
        assertThat(email.path("attempts")).hasSize(1);
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(email.path("attempts").get(0).path("messageId").asText())
                .isEqualTo(email.path("messageId").asText());
        JsonNode outbound = s.api()
                .get("/api/v1/outbound?status=UNKNOWN", s.token())
                .expect(200)
                .json()
                .path("data");
        assertThat(outbound).hasSize(1);
        assertThat(outbound.get(0).path("idempotencyKey").asText()).isEqualTo("email:" + id + ":1");
        assertThat(delivered(s.to())).hasSize(1);
        assertThat(FRONT.connections.get()).isEqualTo(connections);

        // a viewer may not decide; an admin sends it again: attempt 2, same Message-ID, through the gateway
        Api.Session viewer = s.api().addUser(s.admin(), "VIEWER");
        s.api()
                .post("/api/v1/emails/" + id + "/send-again", viewer.accessToken(), Map.of())
                .expect(403);
        JsonNode resolved = s.api()
                .post("/api/v1/emails/" + id + "/send-again", s.token(), Map.of())
                .expect(200)
                .json();
        assertThat(resolved.path("status").asText()).isIn("PENDING_SEND", "SENDING", "SENT");
        JsonNode sent = waitFor(s, id, status("SENT"));
        assertThat(sent.path("attempts")).hasSize(2);
        assertThat(sent.path("attempts").get(1).path("outcome").asText()).isEqualTo("ACCEPTED");
        List<MimeMessage> twice = delivered(s.to());
        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).getMessageID()).isEqualTo(twice.get(0).getMessageID());
        s.api()
                .post("/api/v1/emails/" + id + "/send-again", s.token(), Map.of())
                .expectError(409, "CONFLICT");
        assertThat(types(s, id))
                .containsSubsequence("email.sent", "email.outcome_lost", "email.sent_again", "email.sent");
        assertThat(s.api()
                        .get("/api/v1/audit?action=email.sent_again&entityId=" + id, s.token())
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    @Test
    void anUnknownEmailMarkedSentOnTheOutboundPageIsSentOnTheEmailPageToo() throws Exception {
        Setup s = setup(true, Map.of());
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        waitFor(s, id, status("SENT"));
        diedDuringSmtp(id);
        // a STARTED attempt younger than the reconcile delay is left alone for now
        update("update email_logs set started_at = now() where email_id = ?", UUID.fromString(id));
        queue.enqueue(TenantId.of(s.admin().tenantId()), UUID.fromString(id), Instant.now());
        // the positive signal that the worker looked: it queued its next look for after the reconcile delay
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "select count(*) from scheduled_tasks where task_name = 'email-send' "
                                                + "and task_instance like ? and execution_time > now() + interval '300 milliseconds'")
                                .param(id + "#%")
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(s.api()
                        .get("/api/v1/emails/" + id, s.token())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("SENDING");
        // the gateway's cluster check finds the message without outcome first; the email follows it
        assertThat(gateway.declareLostOutcomes()).isGreaterThanOrEqualTo(1);
        waitFor(s, id, status("UNKNOWN"));
        String outboundId = s.api()
                .get("/api/v1/outbound?status=UNKNOWN", s.token())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        s.api()
                .post("/api/v1/outbound/" + outboundId + "/mark-sent", s.token(), Map.of())
                .expect(200);
        JsonNode email = waitFor(s, id, status("SENT"));
        assertThat(email.path("reason").asText())
                .startsWith("Marked as sent by " + s.admin().email());
        assertThat(email.path("attempts")).hasSize(1);
        assertThat(email.path("attempts").get(0).path("outcome").asText()).isEqualTo("UNKNOWN");
        assertThat(delivered(s.to())).hasSize(1);
        s.api().post("/api/v1/emails/" + id + "/mark-sent", s.token(), Map.of()).expectError(409, "CONFLICT");
        assertThat(types(s, id)).containsSubsequence("email.outcome_lost", "email.marked_sent");
    }

    @Test
    void approvedEmailDraftsWaitForTheSendWindowThenGoOutAndTheComposerBypassesIt() throws Exception {
        Setup s = setup(true, Map.of("timezone", "UTC"));
        LocalTime opens = LocalTime.now(ZoneOffset.UTC).plusSeconds(8).withNano(0);
        s.api()
                .put(
                        "/api/v1/campaigns/" + s.campaignId() + "/email-settings",
                        s.token(),
                        Map.of(
                                "sendWindow",
                                Map.of(
                                        "days",
                                        List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                                        "start",
                                        opens.format(DateTimeFormatter.ISO_LOCAL_TIME),
                                        "end",
                                        "23:59:59"),
                                "fromEmail",
                                "team@revo.example"))
                .expect(200);
        JsonNode settings = s.api()
                .get("/api/v1/campaigns/" + s.campaignId() + "/email-settings", s.token())
                .expect(200)
                .json();
        assertThat(settings.path("fromEmail").asText()).isEqualTo("team@revo.example");
        assertThat(settings.path("sendWindow").path("days")).hasSize(7);

        String draft = s.api()
                .post(
                        "/api/v1/drafts",
                        s.token(),
                        Map.of(
                                "campaignId",
                                s.campaignId(),
                                "leadId",
                                s.leadId(),
                                "channel",
                                "EMAIL",
                                "subject",
                                "Approved hello",
                                "bodyText",
                                "Hi Lena, approved."))
                .expect(201)
                .json()
                .path("id")
                .asText();
        s.api()
                .patch("/api/v1/drafts/" + draft, s.token(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        s.api().post("/api/v1/drafts/" + draft + "/approve", s.token(), null).expect(200);

        JsonNode queued = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> s.api()
                                .get("/api/v1/emails?campaignId=" + s.campaignId(), s.token())
                                .json()
                                .path("data"),
                        q -> q.size() > 0 && q.get(0).path("reason").asText().contains("window"));
        assertThat(queued).hasSize(1);
        JsonNode waiting = queued.get(0);
        assertThat(waiting.path("source").asText()).isEqualTo("APPROVAL");
        assertThat(waiting.path("status").asText()).isEqualTo("PENDING_SEND");
        assertThat(waiting.path("reason").asText()).contains("send window");
        assertThat(waiting.path("fromEmail").asText()).isEqualTo("team@revo.example");
        assertThat(Instant.parse(waiting.path("nextAttemptAt").asText()))
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).atTime(opens).toInstant(ZoneOffset.UTC));
        assertThat(delivered(s.to())).isEmpty();

        // the composer's one-off send bypasses the window
        String composer = send(
                        s,
                        "k-" + UUID.randomUUID(),
                        Map.of("draftId", draft(s).toString(), "toEmail", "other-" + s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        assertThat(waitFor(s, composer, status("SENT")).path("status").asText()).isEqualTo("SENT");

        JsonNode sent = waitFor(s, waiting.path("id").asText(), status("SENT"));
        assertThat(sent.path("status").asText()).isEqualTo("SENT");
        assertThat(Instant.parse(sent.path("sentAt").asText()))
                .isAfterOrEqualTo(LocalDate.now(ZoneOffset.UTC).atTime(opens).toInstant(ZoneOffset.UTC));
        List<MimeMessage> messages = delivered(s.to());
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getSubject()).isEqualTo("Approved hello");
        // the lead moves to CONTACTED once the email is sent; the inbox approval went through the same pipeline
        JsonNode lead = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> s.api()
                                .get("/api/v1/leads/" + s.leadId(), s.token())
                                .json(),
                        l -> l.path("status").asText().equals("CONTACTED"));
        assertThat(lead.path("status").asText()).isEqualTo("CONTACTED");
        assertThat(s.api()
                        .get("/api/v1/outbound", s.token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("idempotencyKey")
                        .asText())
                .startsWith("email:");
    }

    @Test
    void theHourlyCapDefersTheNextEmailsOfTheSender() throws Exception {
        Setup s = setup(true, Map.of());
        String from = Api.uniqueEmail("capped");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(send(
                            s,
                            "k-" + UUID.randomUUID(),
                            Map.of("draftId", draft(s).toString(), "fromEmail", from, "toEmail", i + "-" + s.to()))
                    .expect(202)
                    .json()
                    .path("id")
                    .asText());
            waitFor(
                    s,
                    ids.get(i),
                    e -> !e.path("status").asText().equals("SENDING")
                            && (e.path("status").asText().equals("SENT")
                                    || e.path("reason").asText().contains("cap")));
        }
        List<String> statuses = new ArrayList<>();
        for (String id : ids) {
            statuses.add(s.api()
                    .get("/api/v1/emails/" + id, s.token())
                    .json()
                    .path("status")
                    .asText());
        }
        assertThat(statuses).containsExactly("SENT", "SENT", "SENT", "PENDING_SEND");
        JsonNode deferred =
                s.api().get("/api/v1/emails/" + ids.get(3), s.token()).json();
        assertThat(deferred.path("reason").asText()).contains("cap");
        Instant firstSent = Instant.parse(s.api()
                .get("/api/v1/emails/" + ids.get(0), s.token())
                .json()
                .path("sentAt")
                .asText());
        assertThat(Instant.parse(deferred.path("nextAttemptAt").asText())).isEqualTo(firstSent.plusSeconds(3600));
    }

    @Test
    void aPausedCampaignHoldsItsEmailsUntilResumedAndAnArchivedOneSendsNothing() throws Exception {
        Setup s = setup(true, Map.of());
        s.api()
                .patch("/api/v1/campaigns/" + s.campaignId() + "/status", s.token(), Map.of("status", "ACTIVE"))
                .expect(200);
        s.api()
                .patch("/api/v1/campaigns/" + s.campaignId() + "/status", s.token(), Map.of("status", "PAUSED"))
                .expect(200);
        String id = send(s, "k-" + UUID.randomUUID(), Map.of("draftId", draft(s).toString(), "toEmail", s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode held = waitFor(s, id, e -> e.path("reason").asText().contains("paused"));
        assertThat(held.path("status").asText()).isEqualTo("PENDING_SEND");
        // make the worker look at it again now (it would in MC_EMAIL_HOLD_RECHECK) and wait for the sign that it did:
        // held again, with a later re-check; only then is "still not sent" a finding
        Instant firstRecheck = Instant.parse(held.path("nextAttemptAt").asText());
        queue.enqueue(TenantId.of(s.admin().tenantId()), UUID.fromString(id), Instant.now());
        JsonNode heldAgain = waitFor(
                s, id, e -> Instant.parse(e.path("nextAttemptAt").asText()).isAfter(firstRecheck));
        assertThat(heldAgain.path("status").asText()).isEqualTo("PENDING_SEND");
        assertThat(heldAgain.path("reason").asText()).contains("paused");
        assertThat(delivered(s.to())).isEmpty();
        s.api()
                .patch("/api/v1/campaigns/" + s.campaignId() + "/status", s.token(), Map.of("status", "ACTIVE"))
                .expect(200);
        assertThat(waitFor(s, id, status("SENT")).path("status").asText()).isEqualTo("SENT");
        assertThat(delivered(s.to())).hasSize(1);

        s.api()
                .patch("/api/v1/campaigns/" + s.campaignId() + "/status", s.token(), Map.of("status", "ARCHIVED"))
                .expect(200);
        String archived = send(
                        s,
                        "k-" + UUID.randomUUID(),
                        Map.of("draftId", draft(s).toString(), "toEmail", "archived-" + s.to()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        JsonNode blocked = waitFor(s, archived, status("BLOCKED"));
        assertThat(blocked.path("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.path("reason").asText()).contains("archived");
    }

    @Test
    void badInputIsRefusedWithTheRightStatus() {
        Setup s = setup(false, Map.of());
        UUID draft = draft(s);
        JsonNode bad = send(
                        s, "k-" + UUID.randomUUID(), Map.of("draftId", draft.toString(), "toEmail", "not-an-address"))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(bad.path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("toEmail");
        JsonNode badFrom = send(
                        s,
                        "k-" + UUID.randomUUID(),
                        Map.of("draftId", draft.toString(), "fromEmail", "a b@c", "toEmail", s.to()))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(badFrom.toString()).contains("fromEmail");
        // a sender outside the allowed domains (and not the user's own address) is refused: no spoofing
        JsonNode spoofed = send(
                        s,
                        "k-" + UUID.randomUUID(),
                        Map.of("draftId", draft.toString(), "fromEmail", "ceo@victim.org", "toEmail", s.to()))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(spoofed.toString()).contains("fromEmail", "not a sender this workspace may use");
        // without fromEmail the campaign's sender is used, but only if this user may send as it
        update(
                "insert into email_campaign_settings (tenant_id, campaign_id, from_email) values (?, ?, ?) "
                        + "on conflict (tenant_id, campaign_id) do update set from_email = excluded.from_email",
                UUID.fromString(s.admin().tenantId()),
                UUID.fromString(s.campaignId()),
                "ceo@victim.org");
        String idem = "k-" + UUID.randomUUID();
        JsonNode campaignSender = send(s, idem, Map.of("draftId", draft.toString(), "toEmail", s.to()))
                .expectError(400, "VALIDATION_ERROR")
                .json();
        assertThat(campaignSender.toString()).contains("fromEmail", "not a sender this workspace may use");
        send(s, "k-" + UUID.randomUUID(), Map.of("toEmail", s.to())).expectError(400, "VALIDATION_ERROR");
        send(s, "k-" + UUID.randomUUID(), Map.of("draftId", UUID.randomUUID().toString(), "toEmail", s.to()))
                .expectError(404, "NOT_FOUND");
        UUID empty = composerDraft(s.admin().tenantId(), null, null, "Subject only", null, "  ");
        JsonNode unprocessable = send(
                        s, "k-" + UUID.randomUUID(), Map.of("draftId", empty.toString(), "toEmail", s.to()))
                .expectError(422, "UNPROCESSABLE")
                .json();
        assertThat(unprocessable.toString()).contains("no body");
        UUID noSubject = composerDraft(s.admin().tenantId(), null, null, null, null, "Body");
        assertThat(send(s, "k-" + UUID.randomUUID(), Map.of("draftId", noSubject.toString(), "toEmail", s.to()))
                        .expectError(422, "UNPROCESSABLE")
                        .body())
                .contains("no subject");
        UUID huge = composerDraft(s.admin().tenantId(), null, null, "Huge", null, "x".repeat(1024 * 1024 + 10));
        send(s, "k-" + UUID.randomUUID(), Map.of("draftId", huge.toString(), "toEmail", s.to()))
                .expectError(413, "PAYLOAD_TOO_LARGE");
        send(
                        s,
                        "k-" + UUID.randomUUID(),
                        Map.of("draftId", draft.toString(), "toEmail", s.to(), "padding", "y".repeat(1024 * 1024 + 10)))
                .expectError(413, "PAYLOAD_TOO_LARGE");
        s.api().get("/api/v1/emails/" + UUID.randomUUID(), s.token()).expectError(404, "NOT_FOUND");
        s.api()
                .get("/api/v1/campaigns/" + UUID.randomUUID() + "/prospects", s.token())
                .expectError(404, "NOT_FOUND");
        s.api()
                .put(
                        "/api/v1/campaigns/" + s.campaignId() + "/email-settings",
                        s.token(),
                        Map.of("sendWindow", Map.of("days", List.of("MON"), "start", "17:00", "end", "09:00")))
                .expectError(400, "VALIDATION_ERROR");
        // nothing was queued by the refused requests
        assertThat(s.api()
                        .get("/api/v1/emails", s.token())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();
    }
}
