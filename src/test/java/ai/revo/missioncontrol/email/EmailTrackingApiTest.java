package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EmailTrackingApiTest extends IntegrationTest {

    @Autowired
    TrackingTokens tokens;

    private TrackingFixture fixture() {
        return new TrackingFixture(database());
    }

    private static void assertGif(Api.Response r) {
        r.expect(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/gif");
        assertThat(r.header("Cache-Control")).contains("no-store").contains("must-revalidate");
        assertThat(r.header("Pragma")).isEqualTo("no-cache");
        assertThat(r.header("Expires")).isEqualTo("0");
        assertThat(r.body()).startsWith("GIF89a");
    }

    @Test
    void pixelAlwaysAnswersANoCacheGifAndTheFiguresCountTheFirstOpenOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TenantId tenant = TenantId.of(admin.tenantId());
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String good = tokens.sign(TrackingToken.Purpose.OPEN, tenant, email.id(), null);

        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + good, null));
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + good, null));
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=garbage", null));
        assertGif(api.get("/api/v1/webhooks/email/open-pixel", null));
        String unknown = tokens.sign(TrackingToken.Purpose.OPEN, tenant, UUID.randomUUID(), null);
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + unknown, null));

        assertThat(f.count("email_open_events", email.id())).isEqualTo(2);
        assertThat(f.row(email.id()).get("first_opened_at")).isNotNull();
        var stats = api.get("/api/v1/dashboard/stats", admin.accessToken())
                .expect(200)
                .json();
        assertThat(stats.path("opens").asLong()).isEqualTo(1);
        assertThat(stats.path("emailsSent").asLong()).isEqualTo(1);
        assertThat(stats.path("openRate").asDouble()).isEqualTo(100.0);
        var events = api.get("/api/v1/events/feed?type=email.opened&limit=200", admin.accessToken())
                .expect(200)
                .json();
        assertThat(events.path("data").size()).isEqualTo(2);
    }

    @Test
    void aForgedOrForeignPixelTokenRecordsNothing() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String other = tokens.sign(TrackingToken.Purpose.OPEN, TenantId.of(admin.tenantId()), UUID.randomUUID(), null);
        // the payload swapped for this email's id, the signature kept: the HMAC no longer matches
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("O|" + admin.tenantId() + "|" + email.id()).getBytes(StandardCharsets.UTF_8));
        String forged = payload + other.substring(other.indexOf('.'));
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + forged, null));
        // a click token is not an open token
        String click = tokens.sign(
                TrackingToken.Purpose.CLICK, TenantId.of(admin.tenantId()), email.id(), "https://example.com/");
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + click, null));
        // another workspace's pixel naming this email: RLS hides it, nothing recorded
        Api.Session stranger = api.signup();
        String foreign = tokens.sign(TrackingToken.Purpose.OPEN, TenantId.of(stranger.tenantId()), email.id(), null);
        assertGif(api.get("/api/v1/webhooks/email/open-pixel?t=" + foreign, null));

        assertThat(f.count("email_open_events", email.id())).isZero();
        assertThat(f.row(email.id()).get("first_opened_at")).isNull();
    }

    @Test
    void clickRedirectGoesOnlyToTheSignedUrl() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String url = "https://revo.example/pricing?plan=pro&x=1%7C2";
        f.setHtml(email.id(), "<p>See <a href=\"https://revo.example/pricing?plan=pro&amp;x=1%7C2\">pricing</a></p>");
        String token = tokens.sign(TrackingToken.Purpose.CLICK, TenantId.of(admin.tenantId()), email.id(), url);

        Api.Response r =
                api.get("/api/v1/webhooks/email/click?t=" + token, null).expect(302);
        assertThat(r.header("Location")).isEqualTo(url);
        assertThat(f.count("email_click_events", email.id())).isEqualTo(1);
        assertThat(f.row(email.id()).get("first_clicked_at")).isNotNull();

        String tampered = Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(("C|" + admin.tenantId() + "|" + email.id() + "|https://evil.example/")
                                .getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        Api.Response refused = api.get("/api/v1/webhooks/email/click?t=" + tampered, null);
        refused.expectError(400, "VALIDATION_ERROR");
        assertThat(refused.header("Location")).isNull();
        assertThat(f.count("email_click_events", email.id())).isEqualTo(1);
        var clicked = api.get("/api/v1/events/feed?type=email.clicked&limit=200", admin.accessToken())
                .expect(200)
                .json();
        assertThat(clicked.path("data").size()).isEqualTo(1);
    }

    @Test
    void aClickRedirectGoesOnlyToALinkOfThatEmailAndExpires() {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        f.setHtml(email.id(), "<p><a href=\"https://revo.example/offer\">Offer</a></p>");
        // validly signed, but not a link of this email: no redirect
        String elsewhere = tokens.sign(TrackingToken.Purpose.CLICK, tenant, email.id(), "https://evil.example/login");
        Api.Response refused = api.get("/api/v1/webhooks/email/click?t=" + elsewhere, null);
        refused.expectError(404, "NOT_FOUND");
        assertThat(refused.header("Location")).isNull();
        assertThat(f.count("email_click_events", email.id())).isZero();
        // an old email's links stop redirecting after mc.email.click-link-ttl (90 days by default)
        TrackingFixture.Email old = f.email(
                admin.tenantId(),
                null,
                null,
                Api.uniqueEmail("old"),
                "SENT",
                java.time.Instant.now().minus(java.time.Duration.ofDays(91)));
        f.setHtml(old.id(), "<p><a href=\"https://revo.example/offer\">Offer</a></p>");
        Api.Response expired = api.get(
                "/api/v1/webhooks/email/click?t="
                        + tokens.sign(TrackingToken.Purpose.CLICK, tenant, old.id(), "https://revo.example/offer"),
                null);
        expired.expectError(404, "NOT_FOUND");
        assertThat(expired.json().path("error").path("message").asText()).contains("expired");
        assertThat(expired.header("Location")).isNull();
        // the same link of the recent email still works
        api.get(
                        "/api/v1/webhooks/email/click?t="
                                + tokens.sign(
                                        TrackingToken.Purpose.CLICK, tenant, email.id(), "https://revo.example/offer"),
                        null)
                .expect(302);
    }

    @Test
    void replyWebhookMovesTheLeadToRepliedAndBlocksItsQueuedEmails() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        String campaign = TrackingFixture.campaign(api, admin);
        String to = Api.uniqueEmail("lead");
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        TrackingFixture.Email sent = f.email(admin.tenantId(), campaign, lead, to, "SENT", Instant.now());
        TrackingFixture.Email queued = f.email(admin.tenantId(), campaign, lead, to, "PENDING_SEND", null);
        String otherCampaign = TrackingFixture.campaign(api, admin);
        TrackingFixture.Email elsewhere = f.email(admin.tenantId(), otherCampaign, null, to, "PENDING_SEND", null);
        String secret = TrackingFixture.secret(api, admin);

        String body = "{\"messageId\":\"" + sent.messageId()
                + "\",\"replySubject\":\"Re: Hello\",\"replyBody\":\"Interested!\"}";
        long now = Instant.now().getEpochSecond();
        TrackingFixture.webhook(api, "reply", TrackingFixture.signature(secret, now, body), body)
                .expect(200);

        assertThat(f.count("email_reply_events", sent.id())).isEqualTo(1);
        assertThat(f.row(sent.id()).get("first_replied_at")).isNotNull();
        assertThat(api.get("/api/v1/leads/" + lead, admin.accessToken())
                        .expect(200)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("REPLIED");
        Map<String, Object> blocked = f.row(queued.id());
        assertThat(blocked.get("status")).isEqualTo("BLOCKED");
        assertThat(blocked.get("reason")).isEqualTo("lead replied");
        assertThat(f.db.sql("select status from email_status_history where email_id = ?")
                        .param(queued.id())
                        .query(String.class)
                        .list())
                .containsExactly("BLOCKED");
        assertThat(f.row(elsewhere.id()).get("status")).isEqualTo("PENDING_SEND");
        var events = api.get("/api/v1/events/feed?type=email.replied&limit=200", admin.accessToken())
                .expect(200)
                .json();
        assertThat(events.path("data").size()).isEqualTo(1);
        assertThat(api.get("/api/v1/events/feed?type=email.blocked&limit=200", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        var stats = api.get("/api/v1/dashboard/stats", admin.accessToken())
                .expect(200)
                .json();
        assertThat(stats.path("replies").asLong()).isEqualTo(1);
    }

    @Test
    void badOldReplayedSignaturesAre401AndRecordNothingUnknownEmailIs404() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String secret = TrackingFixture.secret(api, admin);
        String body = "{\"emailId\":\"" + email.id() + "\",\"replySubject\":\"Re\",\"replyBody\":\"yes\"}";
        long now = Instant.now().getEpochSecond();

        TrackingFixture.webhook(api, "reply", TrackingFixture.signature("whsec_wrong", now, body), body)
                .expectError(401, "UNAUTHORIZED");
        TrackingFixture.webhook(api, "reply", null, body).expectError(401, "UNAUTHORIZED");
        TrackingFixture.webhook(api, "reply", TrackingFixture.signature(secret, now - 301, body), body)
                .expectError(401, "UNAUTHORIZED");
        // signed for another body
        TrackingFixture.webhook(api, "reply", TrackingFixture.signature(secret, now, body + " "), body)
                .expectError(401, "UNAUTHORIZED");
        assertThat(f.count("email_reply_events", email.id())).isZero();

        String good = TrackingFixture.signature(secret, now, body);
        TrackingFixture.webhook(api, "reply", good, body).expect(200);
        TrackingFixture.webhook(api, "reply", good, body).expectError(401, "UNAUTHORIZED");
        assertThat(f.count("email_reply_events", email.id())).isEqualTo(1);

        // an unknown email is answered like a wrong signature: the webhook does not say which emails exist
        String wrong = TrackingFixture.webhook(api, "reply", TrackingFixture.signature(secret, now, body + " "), body)
                .json()
                .path("error")
                .path("message")
                .asText();
        String unknown = "{\"emailId\":\"" + UUID.randomUUID() + "\",\"permanent\":true}";
        assertThat(TrackingFixture.webhook(api, "bounce", TrackingFixture.signature(secret, now, unknown), unknown)
                        .expectError(401, "UNAUTHORIZED")
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo(wrong);
        String unknownMessage = "{\"messageId\":\"<nobody@nowhere>\"}";
        TrackingFixture.webhook(api, "open", TrackingFixture.signature(secret, now, unknownMessage), unknownMessage)
                .expectError(401, "UNAUTHORIZED");
    }

    @Test
    void openWebhookRecordsAnOpen() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String secret = TrackingFixture.secret(api, admin);
        String body = "{\"emailId\":\"" + email.id() + "\"}";
        TrackingFixture.webhook(
                        api,
                        "open",
                        TrackingFixture.signature(secret, Instant.now().getEpochSecond(), body),
                        body)
                .expect(200);
        assertThat(f.count("email_open_events", email.id())).isEqualTo(1);
    }

    @Test
    void permanentBounceSuppressesTheAddressTransientOnlyRecords() {
        Api api = api();
        Api.Session admin = api.signup();
        TrackingFixture f = fixture();
        TrackingFixture.Email soft = f.sentEmail(admin.tenantId(), null, null);
        TrackingFixture.Email hard = f.sentEmail(admin.tenantId(), null, null);
        String secret = TrackingFixture.secret(api, admin);
        long now = Instant.now().getEpochSecond();

        String transientBody = "{\"emailId\":\"" + soft.id() + "\",\"permanent\":false,\"reason\":\"mailbox full\"}";
        TrackingFixture.webhook(api, "bounce", TrackingFixture.signature(secret, now, transientBody), transientBody)
                .expect(200);
        assertThat(f.count("email_bounce_events", soft.id())).isEqualTo(1);
        assertThat(f.row(soft.id()).get("status")).isEqualTo("SENT");

        String permanentBody =
                "{\"messageId\":\"" + hard.messageId() + "\",\"permanent\":true,\"reason\":\"550 no such user\"}";
        TrackingFixture.webhook(api, "bounce", TrackingFixture.signature(secret, now, permanentBody), permanentBody)
                .expect(200);
        assertThat(f.row(hard.id()).get("status")).isEqualTo("BOUNCED");
        assertThat(f.db.sql("select status from email_status_history where email_id = ?")
                        .param(hard.id())
                        .query(String.class)
                        .list())
                .containsExactly("BOUNCED");
        var suppressions = api.get("/api/v1/suppressions?channel=EMAIL", admin.accessToken())
                .expect(200)
                .json();
        assertThat(suppressions.path("data").findValuesAsText("address"))
                .contains(hard.to())
                .doesNotContain(soft.to());
        assertThat(suppressions.path("data").get(0).path("reason").asText()).isEqualTo("BOUNCED");
        assertThat(api.get("/api/v1/events/feed?type=email.bounced&limit=200", admin.accessToken())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void onlyAdminsReadAndRotateTheSecretAndTheOldOneStopsWorking() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.get("/api/v1/settings/webhooks", operator.accessToken()).expectError(403, "FORBIDDEN");
        api.get("/api/v1/settings/webhooks", viewer.accessToken()).expectError(403, "FORBIDDEN");
        api.post("/api/v1/settings/webhooks/rotate", operator.accessToken(), null)
                .expectError(403, "FORBIDDEN");
        api.get("/api/v1/settings/webhooks", null).expectError(401, "UNAUTHORIZED");

        String first = TrackingFixture.secret(api, admin);
        assertThat(first).startsWith("whsec_").hasSize(70);
        assertThat(TrackingFixture.secret(api, admin)).isEqualTo(first);
        String second = api.post("/api/v1/settings/webhooks/rotate", admin.accessToken(), null)
                .expect(200)
                .json()
                .path("emailWebhookSecret")
                .asText();
        assertThat(second).isNotEqualTo(first).startsWith("whsec_");
        assertThat(TrackingFixture.secret(api, admin)).isEqualTo(second);

        TrackingFixture f = fixture();
        TrackingFixture.Email email = f.sentEmail(admin.tenantId(), null, null);
        String body = "{\"emailId\":\"" + email.id() + "\"}";
        long now = Instant.now().getEpochSecond();
        TrackingFixture.webhook(api, "open", TrackingFixture.signature(first, now, body), body)
                .expectError(401, "UNAUTHORIZED");
        assertThat(f.count("email_open_events", email.id())).isZero();
        TrackingFixture.webhook(api, "open", TrackingFixture.signature(second, now, body), body)
                .expect(200);

        var audit = api.get("/api/v1/audit?action=settings.email_webhook_secret.rotated", admin.accessToken());
        assertThat(audit.body())
                .contains("settings.email_webhook_secret.rotated")
                .doesNotContain(second);
    }

    @Test
    void campaignTrackingSwitchesAreOnByDefaultAndChangeable() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = TrackingFixture.campaign(api, admin);
        var initial = api.get("/api/v1/campaigns/" + campaign + "/tracking", admin.accessToken())
                .expect(200)
                .json();
        assertThat(initial.path("trackOpens").asBoolean()).isTrue();
        assertThat(initial.path("trackLinks").asBoolean()).isTrue();
        var changed = api.put(
                        "/api/v1/campaigns/" + campaign + "/tracking", admin.accessToken(), Map.of("trackLinks", false))
                .expect(200)
                .json();
        assertThat(changed.path("trackOpens").asBoolean()).isTrue();
        assertThat(changed.path("trackLinks").asBoolean()).isFalse();
        api.get("/api/v1/campaigns/" + UUID.randomUUID() + "/tracking", admin.accessToken())
                .expectError(404, "NOT_FOUND");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.put("/api/v1/campaigns/" + campaign + "/tracking", viewer.accessToken(), Map.of("trackLinks", true))
                .expectError(403, "FORBIDDEN");
    }
}
