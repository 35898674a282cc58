package ai.revo.missioncontrol.email;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import ai.revo.missioncontrol.support.ResendStandIn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Resend's inbound webhook, with payloads shaped as Resend documents them: the {@code email.received} event
 * (resend.com/docs/webhooks/emails/received, metadata only) signed with Svix, and the received email read back from
 * {@code GET /emails/receiving/{id}} (resend.com/docs/api-reference/emails/retrieve-received-email) on a WireMock
 * stand-in. Stored once per Resend email id, processed through the same reply path as Postmark's inbound.
 */
class InboundResendTest extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    private TrackingFixture fixture() {
        return new TrackingFixture(database());
    }

    private record Connected(String path, String secret, String apiKey) {}

    private static String newSecret() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getEncoder().encodeToString(b);
    }

    private Connected connect(Api api, Api.Session admin) {
        String secret = newSecret();
        String apiKey = "re_" + UUID.randomUUID().toString().replace("-", "");
        JsonNode view = api.put(
                        "/api/v1/settings/email/inbound/resend",
                        admin.accessToken(),
                        Map.of("webhookSecret", secret, "apiKey", apiKey))
                .expect(200)
                .json();
        assertThat(view.path("connected").asBoolean()).isTrue();
        assertThat(view.path("webhookSecretLastFour").asText()).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(view.path("apiKeyLastFour").asText()).isEqualTo(apiKey.substring(apiKey.length() - 4));
        assertThat(view.toString()).doesNotContain(secret).doesNotContain(apiKey);
        String url = view.path("webhookUrl").asText();
        return new Connected(url.substring(url.indexOf("/api/v1/")), secret, apiKey);
    }

    /** An email.received event as Resend posts it (metadata only). */
    private String received(String emailId, String from, String to, String subject) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("email_id", emailId);
        data.put("created_at", "2026-12-03T10:45:31.894719+00:00");
        data.put("from", "Ada Lovelace <" + from + ">");
        data.put("to", List.of(to));
        data.put("bcc", List.of());
        data.put("cc", List.of());
        data.put("message_id", "<reply-" + emailId + "@mail.example.com>");
        data.put("subject", subject);
        data.put(
                "attachments",
                List.of(Map.of(
                        "id", UUID.randomUUID().toString(),
                        "filename", "notes.txt",
                        "content_type", "text/plain",
                        "content_disposition", "attachment",
                        "content_id", "")));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "email.received");
        event.put("created_at", "2026-12-03T10:45:32.126Z");
        event.put("data", data);
        return mapper.writeValueAsString(event);
    }

    /** The received email as Resend's API answers it, with the threading headers given (null: left out). */
    private void stubReceived(Connected c, String emailId, String from, String to, String inReplyTo, String references)
            throws Exception {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("x-spam-status", "No");
        headers.put("message-id", "<reply-" + emailId + "@mail.example.com>");
        if (inReplyTo != null) {
            headers.put("in-reply-to", inReplyTo);
        }
        if (references != null) {
            headers.put("references", references);
        }
        Map<String, Object> email = new LinkedHashMap<>();
        email.put("object", "email");
        email.put("id", emailId);
        email.put("to", List.of(to));
        email.put("from", "Ada Lovelace <" + from + ">");
        email.put("created_at", "2026-12-03T10:45:31.894719+00:00");
        email.put("subject", "Re: Hello");
        email.put("html", "<p>Yes, interested!</p><blockquote>Hi</blockquote>");
        email.put("text", "Yes, interested!");
        email.put("bcc", List.of());
        email.put("cc", List.of());
        email.put("reply_to", List.of());
        email.put("headers", headers);
        email.put("message_id", "<reply-" + emailId + "@mail.example.com>");
        email.put("attachments", List.of());
        ResendStandIn.server()
                .stubFor(get(urlPathEqualTo("/emails/receiving/" + emailId))
                        .withHeader("Authorization", equalTo("Bearer " + c.apiKey()))
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody(mapper.writeValueAsString(email))));
    }

    private static Map<String, String> signed(String secret, String id, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String sig = Svix.sign(key, id, Long.toString(timestamp), body.getBytes(StandardCharsets.UTF_8));
        return Map.of("svix-id", id, "svix-timestamp", Long.toString(timestamp), "svix-signature", "v1," + sig);
    }

    private static Api.Response deliver(Api api, String path, Map<String, String> headers, String body) {
        return api.send("POST", path, null, body, headers);
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
    void aSignedReceivedEmailIsFetchedThreadedAndRecordedAsAReplyOnceEvenWhenReplayed() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        TrackingFixture f = fixture();
        String campaign = TrackingFixture.campaign(api, admin);
        String to = Api.uniqueEmail("lead");
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        TrackingFixture.Email sent = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        TrackingFixture.Email queued = f.email(admin.tenantId(), campaign, lead, to, "PENDING_SEND", null);
        Connected c = connect(api, admin);

        String emailId = UUID.randomUUID().toString();
        stubReceived(c, emailId, to, "sales@inbound.example", sent.messageId(), sent.messageId());
        String body = received(emailId, to, "sales@inbound.example", "Re: Hello");
        Map<String, String> headers =
                signed(c.secret(), "msg_" + emailId, Instant.now().getEpochSecond(), body);
        JsonNode receipt = deliver(api, c.path(), headers, body).expect(200).json();
        assertThat(receipt.path("duplicate").asBoolean()).isFalse();
        String inboundId = receipt.path("id").asText();
        // the same delivery again (Resend's retry, or a replay of the signed request): stored once
        JsonNode again = deliver(api, c.path(), headers, body).expect(200).json();
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("id").asText()).isEqualTo(inboundId);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, inboundId).equals("PROCESSED"));
        deliver(api, c.path(), signed(c.secret(), "msg_other", Instant.now().getEpochSecond(), body), body)
                .expect(200);
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);
        assertThat(f.count("email_reply_events", sent.id())).isEqualTo(1);
        ResendStandIn.server().verify(1, getRequestedFor(urlPathEqualTo("/emails/receiving/" + emailId)));
        Map<String, Object> reply = f.db.sql(
                        "select reply_subject, reply_body, from_email, message_id from email_reply_events where email_id = ?")
                .param(sent.id())
                .query()
                .singleRow();
        assertThat(reply.get("reply_subject")).isEqualTo("Re: Hello");
        assertThat(reply.get("reply_body")).isEqualTo("Yes, interested!");
        assertThat(reply.get("from_email")).isEqualTo(to);
        assertThat(reply.get("message_id")).isEqualTo("<reply-" + emailId + "@mail.example.com>");
        assertThat(api.get("/api/v1/leads/" + lead, t)
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REPLIED");
        assertThat(f.row(queued.id()).get("status")).isEqualTo("BLOCKED");
        assertThat(f.db.sql("select content from email_inbound_messages where id = ?")
                        .param(UUID.fromString(inboundId))
                        .query(String.class)
                        .single())
                .contains("Yes, interested!");

        // our tracking address (inbound+<email id>@...) threads a message without headers
        String tagged = UUID.randomUUID().toString();
        String trackingAddress = "inbound+" + sent.id() + "@inbound.example";
        stubReceived(c, tagged, to, trackingAddress, null, null);
        String taggedBody = received(tagged, to, trackingAddress, "Re: Hello");
        String taggedId = deliver(
                        api,
                        c.path(),
                        signed(c.secret(), "msg_" + tagged, Instant.now().getEpochSecond(), taggedBody),
                        taggedBody)
                .expect(200)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, taggedId).equals("PROCESSED"));
        assertThat(f.count("email_reply_events", sent.id())).isEqualTo(2);

        // an email Resend no longer has: FAILED with the reason, nothing recorded
        String gone = UUID.randomUUID().toString();
        ResendStandIn.server()
                .stubFor(
                        get(urlPathEqualTo("/emails/receiving/" + gone))
                                .willReturn(
                                        aResponse()
                                                .withStatus(404)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"statusCode\":404,\"name\":\"not_found\",\"message\":\"Email not found\"}")));
        String goneBody = received(gone, to, "sales@inbound.example", "Re: Hello");
        String goneId = deliver(
                        api,
                        c.path(),
                        signed(c.secret(), "msg_" + gone, Instant.now().getEpochSecond(), goneBody),
                        goneBody)
                .expect(200)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inboundStatus(f, goneId).equals("FAILED"));
        assertThat(f.db.sql("select error from email_inbound_messages where id = ?")
                        .param(UUID.fromString(goneId))
                        .query(String.class)
                        .single())
                .contains("404");
        assertThat(f.count("email_reply_events", sent.id())).isEqualTo(2);

        // another event type is acknowledged, not stored
        String delivered = "{\"type\":\"email.opened\",\"created_at\":\"2026-12-03T10:45:32.126Z\",\"data\":{}}";
        JsonNode ignored = deliver(
                        api,
                        c.path(),
                        signed(
                                c.secret(),
                                "msg_" + UUID.randomUUID(),
                                Instant.now().getEpochSecond(),
                                delivered),
                        delivered)
                .expect(200)
                .json();
        assertThat(ignored.path("ignored").asBoolean()).isTrue();
        assertThat(inbound(f, admin.tenantId())).isEqualTo(3);
    }

    @Test
    void aMissingWrongStaleOrForeignSignatureIs401AndStoresNothing() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session other = api.signup();
        TrackingFixture f = fixture();
        Connected c = connect(api, admin);
        Connected foreign = connect(api, other);
        String emailId = UUID.randomUUID().toString();
        String body = received(emailId, "ada@example.com", "sales@inbound.example", "Hi");
        long now = Instant.now().getEpochSecond();
        Map<String, String> good = signed(c.secret(), "msg_1", now, body);

        deliver(api, c.path(), Map.of(), body).expectError(401, "UNAUTHORIZED");
        Map<String, String> wrong = new LinkedHashMap<>(good);
        wrong.put("svix-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]));
        deliver(api, c.path(), wrong, body).expectError(401, "UNAUTHORIZED");
        // signed, but the body was changed on the way
        deliver(api, c.path(), good, body.replace("Hi", "Hi!")).expectError(401, "UNAUTHORIZED");
        // signed with the other workspace's secret
        deliver(api, c.path(), signed(foreign.secret(), "msg_1", now, body), body)
                .expectError(401, "UNAUTHORIZED");
        // signed correctly but 10 minutes old, or 10 minutes ahead
        deliver(api, c.path(), signed(c.secret(), "msg_1", now - 600, body), body)
                .expectError(401, "UNAUTHORIZED");
        deliver(api, c.path(), signed(c.secret(), "msg_1", now + 600, body), body)
                .expectError(401, "UNAUTHORIZED");
        deliver(api, "/api/v1/webhooks/email/resend/" + "a".repeat(40), good, body)
                .expectError(401, "UNAUTHORIZED");
        JsonNode error = deliver(api, c.path(), wrong, body)
                .expectError(401, "UNAUTHORIZED")
                .json();
        assertThat(error.path("error").path("requestId").isMissingNode()).isFalse();
        assertThat(inbound(f, admin.tenantId())).isZero();
        assertThat(inbound(f, other.tenantId())).isZero();
        ResendStandIn.server().verify(0, getRequestedFor(urlPathEqualTo("/emails/receiving/" + emailId)));

        // several signatures (Resend rotating the secret): one that matches is enough
        Map<String, String> rotated = new LinkedHashMap<>(good);
        rotated.put("svix-signature", wrong.get("svix-signature") + " " + good.get("svix-signature"));
        stubReceived(c, emailId, "ada@example.com", "sales@inbound.example", null, null);
        deliver(api, c.path(), rotated, body).expect(200);
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);

        // after a good signature, a body that is not Resend's event: 400, nothing more stored
        String notJson = "not json";
        deliver(api, c.path(), signed(c.secret(), "msg_2", now, notJson), notJson)
                .expectError(400, "VALIDATION_ERROR");
        assertThat(inbound(f, admin.tenantId())).isEqualTo(1);

        // the secrets are kept sealed, never as given; a new secret replaces the old one at once
        Map<String, Object> row = f.db.sql(
                        "select webhook_secret_sealed, api_key_sealed from email_resend_settings where tenant_id = ?")
                .param(UUID.fromString(admin.tenantId()))
                .query()
                .singleRow();
        assertThat(row.get("webhook_secret_sealed").toString())
                .startsWith("v1:")
                .doesNotContain(c.secret());
        assertThat(row.get("api_key_sealed").toString()).startsWith("v1:").doesNotContain(c.apiKey());
        String next = newSecret();
        api.put("/api/v1/settings/email/inbound/resend", admin.accessToken(), Map.of("webhookSecret", next))
                .expect(200);
        String third = received(UUID.randomUUID().toString(), "ada@example.com", "x@inbound.example", "Hi");
        deliver(api, c.path(), signed(c.secret(), "msg_3", now, third), third).expectError(401, "UNAUTHORIZED");
        api.put("/api/v1/settings/email/inbound/resend", admin.accessToken(), Map.of("webhookSecret", "nope"))
                .expectError(400, "VALIDATION_ERROR");

        // turned off: the URL is 401, the setting says so
        api.delete("/api/v1/settings/email/inbound/resend", admin.accessToken()).expect(204);
        deliver(api, c.path(), signed(next, "msg_4", now, third), third).expectError(401, "UNAUTHORIZED");
        assertThat(api.get("/api/v1/settings/email/inbound/resend", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("connected")
                        .asBoolean())
                .isFalse();
        api.delete("/api/v1/settings/email/inbound/resend", admin.accessToken()).expectError(404, "NOT_FOUND");
    }
}
