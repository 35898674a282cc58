package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.PageClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Postmark's inbound webhook, with payloads shaped as Postmark documents its inbound JSON
 * (postmarkapp.com/developer/webhooks/inbound-webhook): Basic credentials on the URL, stored raw, processed once per
 * MessageID, threaded through In-Reply-To / References / MailboxHash into the existing reply path.
 */
class InboundPostmarkTest extends IntegrationTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private TrackingFixture fixture() {
        return new TrackingFixture(database());
    }

    private record Connected(String path, String username, String password) {
        String basic() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    private Connected connect(Api api, Api.Session admin) {
        JsonNode c = api.post("/api/v1/settings/email/inbound/postmark", admin.accessToken(), Map.of())
                .expect(200)
                .json();
        String url = c.path("webhookUrl").asText();
        assertThat(c.path("webhookUrlWithCredentials").asText())
                .contains(c.path("username").asText() + ":" + c.path("password").asText() + "@");
        return new Connected(
                url.substring(url.indexOf("/api/v1/")),
                c.path("username").asText(),
                c.path("password").asText());
    }

    /** An inbound message as Postmark posts it, with the threading headers given (null: left out). */
    private String postmark(
            String messageId, String from, String to, String inReplyTo, String references, String mailboxHash)
            throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("FromName", "Ada Lovelace");
        p.put("MessageStream", "inbound");
        p.put("From", from);
        p.put("FromFull", Map.of("Email", from, "Name", "Ada Lovelace", "MailboxHash", ""));
        p.put("To", "\"Sales\" <inbound+" + (mailboxHash == null ? "" : mailboxHash) + "@inbound.postmarkapp.com>");
        p.put(
                "ToFull",
                List.of(Map.of(
                        "Email",
                        "inbound+" + (mailboxHash == null ? "" : mailboxHash) + "@inbound.postmarkapp.com",
                        "Name",
                        "Sales",
                        "MailboxHash",
                        mailboxHash == null ? "" : mailboxHash)));
        p.put("Cc", "");
        p.put("CcFull", List.of());
        p.put("Bcc", "");
        p.put("BccFull", List.of());
        p.put("OriginalRecipient", "inbound@inbound.postmarkapp.com");
        p.put("Subject", "Re: Hello");
        p.put("MessageID", messageId);
        p.put("ReplyTo", "");
        p.put("MailboxHash", mailboxHash == null ? "" : mailboxHash);
        p.put("Date", "Thu, 3 Dec 2026 10:45:32 +00:00");
        p.put("TextBody", "Yes, interested!\n\nOn Wed, Sales wrote:\n> Hi");
        p.put("HtmlBody", "<html><body><p>Yes, interested!</p></body></html>");
        p.put("StrippedTextReply", "Yes, interested!");
        p.put("Tag", "");
        List<Map<String, String>> headers = new ArrayList<>();
        headers.add(Map.of("Name", "X-Spam-Status", "Value", "No"));
        headers.add(Map.of("Name", "Message-ID", "Value", "<reply-" + messageId + "@mail.example.com>"));
        if (inReplyTo != null) {
            headers.add(Map.of("Name", "In-Reply-To", "Value", inReplyTo));
        }
        if (references != null) {
            headers.add(Map.of("Name", "References", "Value", references));
        }
        p.put("Headers", headers);
        p.put(
                "Attachments",
                List.of(Map.of(
                        "Name",
                        "notes.txt",
                        "Content",
                        "VGhpcyBpcyBhdHRhY2htZW50IGNvbnRlbnRzLCBiYXNlLTY0IGVuY29kZWQu",
                        "ContentType",
                        "text/plain",
                        "ContentLength",
                        45)));
        return mapper.writeValueAsString(p);
    }

    private static java.net.http.HttpResponse<String> form(PageClient page, String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        java.net.http.HttpResponse<String> r =
                page.post(path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r;
    }

    private static Api.Response deliver(Api api, String path, String authorization, String body) {
        return api.send(
                "POST", path, null, body, authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }

    private static long inbound(TrackingFixture f, String tenant) {
        return f.db.sql("select count(*) from email_inbound_messages where tenant_id = ?")
                .param(UUID.fromString(tenant))
                .query(Long.class)
                .single();
    }

    private static String inboundStatus(TrackingFixture f, String id) {
        return f.db.sql("select status from email_inbound_messages where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    @Test
    void aThreadedReplyMovesTheLeadToRepliedBlocksQueuedEmailsAndStopsTheEnrolment() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        TrackingFixture f = fixture();
        String campaign = TrackingFixture.campaign(api, admin);
        String to = Api.uniqueEmail("lead");
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        api.patch("/api/v1/campaigns/" + campaign + "/status", t, Map.of("status", "ACTIVE"))
                .expect(200);
        String sequence = api.post(
                        "/api/v1/sequences",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "name",
                                "Follow-ups",
                                "steps",
                                List.of(Map.of(
                                        "kind",
                                        "TASK",
                                        "delay",
                                        Map.of("amount", 3, "unit", "DAYS"),
                                        "instruction",
                                        "Follow up"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/sequences/" + sequence, t, Map.of("status", "ACTIVE"))
                .expect(200);
        api.post("/api/v1/sequences/" + sequence + "/enrolments", t, Map.of("leadIds", List.of(lead)))
                .expect(200);
        TrackingFixture.Email sent = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        TrackingFixture.Email queued = f.email(admin.tenantId(), campaign, lead, to, "PENDING_SEND", null);
        Connected c = connect(api, admin);

        String body = postmark(
                UUID.randomUUID().toString(),
                to,
                "inbound@inbound.postmarkapp.com",
                sent.messageId(),
                sent.messageId(),
                null);
        JsonNode receipt = deliver(api, c.path(), c.basic(), body).expect(200).json();
        assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        String inboundId = receipt.path("id").asText();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, inboundId).equals("PROCESSED"));
        assertThat(f.count("email_reply_events", sent.id())).isEqualTo(1);
        Map<String, Object> reply = f.db.sql(
                        "select reply_subject, reply_body, from_email, message_id from email_reply_events where email_id = ?")
                .param(sent.id())
                .query()
                .singleRow();
        assertThat(reply.get("reply_subject")).isEqualTo("Re: Hello");
        assertThat(reply.get("reply_body")).isEqualTo("Yes, interested!");
        assertThat(reply.get("from_email")).isEqualTo(to);
        assertThat((String) reply.get("message_id")).startsWith("<reply-");
        assertThat(api.get("/api/v1/leads/" + lead, t)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REPLIED");
        assertThat(f.row(queued.id()).get("status")).isEqualTo("BLOCKED");
        assertThat(f.row(queued.id()).get("reason")).isEqualTo("lead replied");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/sequences/" + sequence + "/enrolments?limit=200", t)
                        .expect(200)
                        .json()
                        .path("data")
                        .get(0)
                        .path("status")
                        .asText()
                        .equals("STOPPED"));
        assertThat(api.get("/api/v1/events/feed?type=email.replied&limit=200", t)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        // the feed is written after the commit: wait for it rather than read it once
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/events/feed?type=email.inbound_received&limit=200", t)
                                .json()
                                .path("data")
                                .size()
                        == 1);
    }

    @Test
    void aRedeliveredMessageIsProcessedOnceAndReferencesOrTheTrackingAddressThreadIt() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        String campaign = TrackingFixture.campaign(api, admin);
        String to = Api.uniqueEmail("lead");
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        TrackingFixture.Email first = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        TrackingFixture.Email second = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        Connected c = connect(api, admin);

        // References only, newest last: the newest of ours wins, unknown ids are skipped
        String messageId = UUID.randomUUID().toString();
        String body = postmark(
                messageId,
                to,
                "inbound@inbound.postmarkapp.com",
                null,
                "<unknown@elsewhere.example> " + first.messageId() + "\r\n " + second.messageId(),
                null);
        String id = deliver(api, c.path(), c.basic(), body)
                .expect(200)
                .json()
                .path("id")
                .asText();
        JsonNode again = deliver(api, c.path(), c.basic(), body).expect(200).json();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("id").asText()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> inboundStatus(f, id).equals("PROCESSED"));
        deliver(api, c.path(), c.basic(), body).expect(200);
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);
        assertThat(f.count("email_reply_events", second.id())).isEqualTo(1);
        assertThat(f.count("email_reply_events", first.id())).isZero();

        // our tracking address: the MailboxHash is the email's id
        String hashed = deliver(
                        api,
                        c.path(),
                        c.basic(),
                        postmark(
                                UUID.randomUUID().toString(),
                                to,
                                "x",
                                null,
                                null,
                                first.id().toString()))
                .expect(200)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, hashed).equals("PROCESSED"));
        assertThat(f.count("email_reply_events", first.id())).isEqualTo(1);

        // a message answering nothing of ours is stored and marked IGNORED, no reply recorded
        String stray = deliver(
                        api,
                        c.path(),
                        c.basic(),
                        postmark(UUID.randomUUID().toString(), to, "x", "<nope@elsewhere.example>", null, "Sample"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, stray).equals("IGNORED"));
        assertThat(f.db.sql("select count(*) from email_reply_events e join emails m on m.id = e.email_id "
                                + "where m.tenant_id = ?")
                        .param(UUID.fromString(admin.tenantId()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the received mail, newest first, each with what it became; the unmatched one named as such
        String t = admin.accessToken();
        JsonNode all = api.get("/api/v1/emails/inbound", t).expect(200).json();
        assertThat(all.path("pagination").path("total").asLong()).isEqualTo(3);
        JsonNode newest = all.path("data").get(0);
        assertThat(newest.path("id").asText()).isEqualTo(stray);
        assertThat(newest.path("status").asText()).isEqualTo("IGNORED");
        assertThat(newest.path("error").asText()).isEqualTo("Not a reply to any email of this workspace");
        assertThat(newest.path("fromEmail").asText()).isEqualTo(to);
        assertThat(newest.path("subject").asText()).isEqualTo("Re: Hello");
        assertThat(newest.path("provider").asText()).isEqualTo("POSTMARK");
        assertThat(newest.path("emailId").isNull()).isTrue();
        JsonNode processed = api.get("/api/v1/emails/inbound?status=PROCESSED", t)
                .expect(200)
                .json()
                .path("data");
        assertThat(processed).hasSize(2);
        assertThat(List.of(
                        processed.get(0).path("emailId").asText(),
                        processed.get(1).path("emailId").asText()))
                .containsExactlyInAnyOrder(first.id().toString(), second.id().toString());
        assertThat(api.get("/api/v1/emails/inbound?status=IGNORED&limit=1", t)
                        .expect(200)
                        .json()
                        .path("data"))
                .hasSize(1);
        api.get("/api/v1/emails/inbound?status=LOST", t).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/emails/inbound?limit=0", t).expectError(400, "VALIDATION_ERROR");
        // another workspace sees none of it
        assertThat(api.get("/api/v1/emails/inbound", api.signup().accessToken())
                        .expect(200)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();

        // the settings page shows the connection and the same mail, filtered to the unmatched
        PageClient page = PageClient.signIn(port, admin.email(), admin.password());
        String html = page.get("/settings/inbound-email").body();
        assertThat(html).contains("data-testid=\"postmark-state\">Connected").contains("inbound-" + stray);
        String unmatched =
                page.get("/settings/inbound-email/messages?status=IGNORED").body();
        assertThat(unmatched)
                .contains("inbound-" + stray)
                .doesNotContain("inbound-" + id)
                .contains("Unmatched");
    }

    @Test
    void theInboundEmailPageTurnsPostmarkOnShowsTheCredentialOnceAndTurnsItOff() {
        Api api = api();
        Api.Session admin = api.signup();
        PageClient page = PageClient.signIn(port, admin.email(), admin.password());
        String off = page.get("/settings/inbound-email").body();
        assertThat(off).contains("data-testid=\"postmark-state\">Not connected").contains("No mail received yet");

        String on = form(page, "/settings/inbound-email/postmark", Map.of()).body();
        JsonNode settings = api.get("/api/v1/settings/email/inbound", admin.accessToken())
                .expect(200)
                .json();
        assertThat(settings.path("connected").asBoolean()).isTrue();
        assertThat(on)
                .contains("postmark-url-credentials")
                .contains(settings.path("username").asText() + ":")
                .contains("@");
        // shown once: the page opened again shows the URL without the password
        String again = page.get("/settings/inbound-email").body();
        assertThat(again)
                .doesNotContain("postmark-url-credentials")
                .contains(settings.path("webhookUrl").asText());

        form(page, "/settings/inbound-email/postmark/disconnect", Map.of());
        assertThat(api.get("/api/v1/settings/email/inbound", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("connected")
                        .asBoolean())
                .isFalse();

        // a secret that is not Resend's is refused in the page, in words; nothing changes
        String bad = form(page, "/settings/inbound-email/resend", Map.of("webhookSecret", "not-a-secret"))
                .body();
        assertThat(bad).contains("inbound-error");
        assertThat(api.get("/api/v1/settings/email/inbound/resend", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("connected")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aWrongMissingOrForeignCredentialIs403AndStoresNothing() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session other = api.signup();
        TrackingFixture f = fixture();
        Connected c = connect(api, admin);
        Connected foreign = connect(api, other);
        String body = postmark(UUID.randomUUID().toString(), "ada@example.com", "x", null, null, null);

        deliver(api, c.path(), null, body).expectError(403, "FORBIDDEN");
        deliver(api, c.path(), new Connected(c.path(), c.username(), c.password() + "x").basic(), body)
                .expectError(403, "FORBIDDEN");
        deliver(api, c.path(), new Connected(c.path(), "someone", c.password()).basic(), body)
                .expectError(403, "FORBIDDEN");
        deliver(api, c.path(), foreign.basic(), body).expectError(403, "FORBIDDEN");
        deliver(api, c.path(), "Bearer " + admin.accessToken(), body).expectError(403, "FORBIDDEN");
        deliver(api, "/api/v1/webhooks/email/postmark/" + "a".repeat(40), c.basic(), body)
                .expectError(403, "FORBIDDEN");
        assertThat(inbound(f, admin.tenantId())).isZero();
        assertThat(inbound(f, other.tenantId())).isZero();

        // a replaced credential: the old password stops at once, the URL stays
        Connected rotated = connect(api, admin);
        assertThat(rotated.path()).isEqualTo(c.path());
        deliver(api, c.path(), c.basic(), body).expectError(403, "FORBIDDEN");
        deliver(api, rotated.path(), rotated.basic(), body).expect(200);
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);

        // bad input after a good credential: 400, nothing stored
        deliver(api, rotated.path(), rotated.basic(), "not json").expectError(400, "VALIDATION_ERROR");
        deliver(api, rotated.path(), rotated.basic(), "{\"Subject\":\"no id\"}").expectError(400, "VALIDATION_ERROR");
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);

        // the setting shows the last four only; turned off, the URL is 403
        JsonNode settings = api.get("/api/v1/settings/email/inbound", admin.accessToken())
                .expect(200)
                .json();
        assertThat(settings.path("connected").asBoolean()).isTrue();
        assertThat(settings.path("passwordLastFour").asText())
                .isEqualTo(rotated.password().substring(rotated.password().length() - 4));
        assertThat(settings.toString()).doesNotContain(rotated.password());
        assertThat(f.db.sql("select password_hash from email_inbound_settings where tenant_id = ?")
                        .param(UUID.fromString(admin.tenantId()))
                        .query(String.class)
                        .single())
                .isNotEqualTo(rotated.password())
                .isEqualTo(InboundEmail.sha256Hex(rotated.password()));
        api.delete("/api/v1/settings/email/inbound", admin.accessToken()).expect(204);
        deliver(api, rotated.path(), rotated.basic(), body).expectError(403, "FORBIDDEN");
        assertThat(api.get("/api/v1/settings/email/inbound", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("connected")
                        .asBoolean())
                .isFalse();
    }
}
