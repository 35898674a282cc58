package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
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
 * Delivery events from the providers onto the email lifecycle, with payloads shaped as the providers document them:
 * Postmark's Bounce and SpamComplaint webhooks (postmarkapp.com/developer/webhooks/bounce-webhook,
 * spam-complaint-webhook) behind the inbound Basic credential, and Resend's email.bounced, email.complained and
 * email.delivered (resend.com/docs/webhooks) signed with Svix. A hard bounce or a complaint suppresses the address;
 * a soft bounce does not; each event is stored once per provider event id.
 */
class DeliveryEventsTest extends IntegrationTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ObjectMapper mapper = new ObjectMapper();

    private record Workspace(
            Api.Session admin,
            String campaign,
            String lead,
            String postmarkPath,
            String basic,
            String resendPath,
            String secret) {}

    private Workspace workspace(Api api, String to) {
        Api.Session admin = api.signup();
        String campaign = TrackingFixture.campaign(api, admin);
        String lead = TrackingFixture.contactedLead(api, admin, campaign, to);
        JsonNode pm = api.post("/api/v1/settings/email/inbound/postmark", admin.accessToken(), Map.of())
                .expect(200)
                .json();
        String url = pm.path("webhookUrl").asText();
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString((pm.path("username").asText() + ":"
                                        + pm.path("password").asText())
                                .getBytes(StandardCharsets.UTF_8));
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(b);
        String resendUrl = api.put(
                        "/api/v1/settings/email/inbound/resend",
                        admin.accessToken(),
                        Map.of("webhookSecret", secret, "apiKey", "re_" + UUID.randomUUID()))
                .expect(200)
                .json()
                .path("webhookUrl")
                .asText();
        return new Workspace(
                admin,
                campaign,
                lead,
                url.substring(url.indexOf("/api/v1/")) + "/events",
                basic,
                resendUrl.substring(resendUrl.indexOf("/api/v1/")),
                secret);
    }

    private String postmarkBounce(long id, String type, String email) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("RecordType", "Bounce");
        p.put("MessageStream", "outbound");
        p.put("ID", id);
        p.put("Type", type);
        p.put("TypeCode", type.equals("HardBounce") ? 1 : 4096);
        p.put("Name", type.equals("HardBounce") ? "Hard bounce" : "Soft bounce");
        p.put("Tag", "Test");
        p.put("MessageID", UUID.randomUUID().toString());
        p.put("Metadata", Map.of("a_key", "a_value"));
        p.put("ServerID", 23);
        p.put("Description", "The server was unable to deliver your message (ex: unknown user, mailbox not found).");
        p.put("Details", "smtp;550 5.1.1 The email account that you tried to reach does not exist.");
        p.put("Email", email);
        p.put("From", "sales@revo.example");
        p.put("BouncedAt", "2026-12-03T10:33:54.9070259Z");
        p.put("DumpAvailable", true);
        p.put("Inactive", type.equals("HardBounce"));
        p.put("CanActivate", true);
        p.put("Subject", "Hello");
        p.put("Content", "Return-Path: <>");
        return mapper.writeValueAsString(p);
    }

    private String postmarkComplaint(long id, String email) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("RecordType", "SpamComplaint");
        p.put("MessageStream", "outbound");
        p.put("ID", id);
        p.put("Type", "SpamComplaint");
        p.put("TypeCode", 512);
        p.put("Name", "Spam complaint");
        p.put("Tag", "Test");
        p.put("MessageID", UUID.randomUUID().toString());
        p.put("Metadata", Map.of());
        p.put("ServerID", 1234);
        p.put("Description", "");
        p.put("Details", "Test spam complaint details");
        p.put("Email", email);
        p.put("From", "sales@revo.example");
        p.put("BouncedAt", "2026-12-03T10:33:54.9070259Z");
        p.put("DumpAvailable", true);
        p.put("Inactive", true);
        p.put("CanActivate", false);
        p.put("Subject", "Hello");
        p.put("Content", "<Abuse report dump>");
        return mapper.writeValueAsString(p);
    }

    /** A Resend email event (email.bounced with its bounce, email.complained, email.delivered). */
    private String resendEvent(String type, String to, String bounceType) throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("created_at", "2026-12-03T10:41:11.894719+00:00");
        data.put("email_id", UUID.randomUUID().toString());
        data.put("from", "Sales <sales@revo.example>");
        data.put("to", List.of(to));
        data.put("subject", "Hello");
        if (bounceType != null) {
            data.put(
                    "bounce",
                    Map.of(
                            "message",
                            "The recipient's email provider sent a bounce message.",
                            "subType",
                            bounceType.equals("Permanent") ? "General" : "MailboxFull",
                            "type",
                            bounceType));
        }
        data.put("tags", Map.of("category", "outreach"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("created_at", "2026-12-03T10:41:12.126Z");
        event.put("data", data);
        return mapper.writeValueAsString(event);
    }

    private static Map<String, String> signed(String secret, String id, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        String ts = Long.toString(Instant.now().getEpochSecond());
        return Map.of(
                "svix-id",
                id,
                "svix-timestamp",
                ts,
                "svix-signature",
                "v1," + Svix.sign(key, id, ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static long events(TrackingFixture f, String tenant) {
        return f.db.sql("select count(*) from email_delivery_events where tenant_id = ?")
                .param(UUID.fromString(tenant))
                .query(Long.class)
                .single();
    }

    private static String status(TrackingFixture f, String id) {
        return f.db.sql("select status from email_delivery_events where id = ?")
                .param(UUID.fromString(id))
                .query(String.class)
                .single();
    }

    private static String suppression(TrackingFixture f, String tenant, String address) {
        return f.db.sql("""
                        select reason from suppressions where tenant_id = ? and channel = 'EMAIL'
                        and address = lower(?) and deleted_at is null""")
                .params(UUID.fromString(tenant), address)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private String processed(Api api, TrackingFixture f, String path, Map<String, String> headers, String body) {
        JsonNode r = api.send("POST", path, null, body, headers).expect(200).json();
        assertThat(r.path("duplicate").asBoolean()).isFalse();
        String id = r.path("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> !status(f, id).equals("RECEIVED"));
        assertThat(status(f, id)).isEqualTo("PROCESSED");
        return id;
    }

    @Test
    void postmarkHardBounceAndComplaintSuppressASoftBounceDoesNot() throws Exception {
        Api api = api();
        TrackingFixture f = new TrackingFixture(database());
        String soft = Api.uniqueEmail("soft");
        Workspace w = workspace(api, soft);
        String tenant = w.admin().tenantId();
        TrackingFixture.Email softEmail = f.email(tenant, w.campaign(), w.lead(), soft, "SENT", Instant.now());
        Map<String, String> auth = Map.of("Authorization", w.basic());

        // a soft bounce: recorded, the email stays SENT, nothing suppressed
        processed(api, f, w.postmarkPath(), auth, postmarkBounce(RANDOM.nextInt(1 << 30), "SoftBounce", soft));
        assertThat(f.count("email_bounce_events", softEmail.id())).isEqualTo(1);
        assertThat(f.row(softEmail.id()).get("status")).isEqualTo("SENT");
        assertThat(suppression(f, tenant, soft)).isNull();

        // a hard bounce: the email BOUNCED, the address suppressed BOUNCED; its redelivery is stored once
        String hard = Api.uniqueEmail("hard");
        String hardLead = TrackingFixture.contactedLead(api, w.admin(), w.campaign(), hard);
        TrackingFixture.Email hardEmail = f.email(tenant, w.campaign(), hardLead, hard, "SENT", Instant.now());
        String bounce = postmarkBounce(RANDOM.nextInt(1 << 30), "HardBounce", hard);
        processed(api, f, w.postmarkPath(), auth, bounce);
        assertThat(api.send("POST", w.postmarkPath(), null, bounce, auth)
                        .expect(200)
                        .json()
                        .path("duplicate")
                        .asBoolean())
                .isTrue();
        assertThat(f.row(hardEmail.id()).get("status")).isEqualTo("BOUNCED");
        assertThat(suppression(f, tenant, hard)).isEqualTo("BOUNCED");
        assertThat(f.count("email_bounce_events", hardEmail.id())).isEqualTo(1);

        // a spam complaint: the address suppressed COMPLAINED, the email marked
        String spam = Api.uniqueEmail("spam");
        String spamLead = TrackingFixture.contactedLead(api, w.admin(), w.campaign(), spam);
        TrackingFixture.Email spamEmail = f.email(tenant, w.campaign(), spamLead, spam, "SENT", Instant.now());
        processed(api, f, w.postmarkPath(), auth, postmarkComplaint(RANDOM.nextInt(1 << 30), spam));
        assertThat(suppression(f, tenant, spam)).isEqualTo("COMPLAINED");
        assertThat(f.row(spamEmail.id()).get("complained_at")).isNotNull();
        assertThat(events(f, tenant)).isEqualTo(3);

        // a wrong credential: 403, nothing stored
        api.send("POST", w.postmarkPath(), null, bounce, Map.of("Authorization", "Basic eDp5"))
                .expectError(403, "FORBIDDEN");
        api.send("POST", w.postmarkPath(), null, bounce, Map.of()).expectError(403, "FORBIDDEN");
        assertThat(events(f, tenant)).isEqualTo(3);
    }

    @Test
    void resendBouncesComplaintsAndDeliveriesMapOntoTheEmailAndABadSignatureStoresNothing() throws Exception {
        Api api = api();
        TrackingFixture f = new TrackingFixture(database());
        String to = Api.uniqueEmail("delivered");
        Workspace w = workspace(api, to);
        String tenant = w.admin().tenantId();
        TrackingFixture.Email email = f.email(tenant, w.campaign(), w.lead(), to, "SENT", Instant.now());

        String delivered = resendEvent("email.delivered", to, null);
        Map<String, String> headers = signed(w.secret(), "msg_" + UUID.randomUUID(), delivered);
        processed(api, f, w.resendPath(), headers, delivered);
        assertThat(f.row(email.id()).get("delivered_at")).isNotNull();
        // Resend's retry of the same message (same svix-id): stored once
        assertThat(api.send("POST", w.resendPath(), null, delivered, headers)
                        .expect(200)
                        .json()
                        .path("duplicate")
                        .asBoolean())
                .isTrue();

        // a transient bounce is recorded only
        String transientBounce = resendEvent("email.bounced", to, "Transient");
        processed(
                api,
                f,
                w.resendPath(),
                signed(w.secret(), "msg_" + UUID.randomUUID(), transientBounce),
                transientBounce);
        assertThat(f.count("email_bounce_events", email.id())).isEqualTo(1);
        assertThat(suppression(f, tenant, to)).isNull();
        assertThat(f.row(email.id()).get("status")).isEqualTo("SENT");

        // a permanent one marks the email BOUNCED and suppresses the address
        String permanent = resendEvent("email.bounced", to, "Permanent");
        processed(api, f, w.resendPath(), signed(w.secret(), "msg_" + UUID.randomUUID(), permanent), permanent);
        assertThat(f.row(email.id()).get("status")).isEqualTo("BOUNCED");
        assertThat(suppression(f, tenant, to)).isEqualTo("BOUNCED");

        // a complaint about another recipient suppresses that one COMPLAINED
        String spam = Api.uniqueEmail("spam");
        String spamLead = TrackingFixture.contactedLead(api, w.admin(), w.campaign(), spam);
        TrackingFixture.Email spamEmail = f.email(tenant, w.campaign(), spamLead, spam, "SENT", Instant.now());
        String complained = resendEvent("email.complained", spam, null);
        processed(api, f, w.resendPath(), signed(w.secret(), "msg_" + UUID.randomUUID(), complained), complained);
        assertThat(suppression(f, tenant, spam)).isEqualTo("COMPLAINED");
        assertThat(f.row(spamEmail.id()).get("complained_at")).isNotNull();
        assertThat(events(f, tenant)).isEqualTo(4);

        // an event about nobody we emailed is kept as IGNORED
        String stranger = resendEvent("email.bounced", Api.uniqueEmail("stranger"), "Permanent");
        String strangerId = api.send(
                        "POST",
                        w.resendPath(),
                        null,
                        stranger,
                        signed(w.secret(), "msg_" + UUID.randomUUID(), stranger))
                .expect(200)
                .json()
                .path("id")
                .asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> status(f, strangerId).equals("IGNORED"));

        // a wrong or stale signature: 401, nothing stored
        String other = resendEvent("email.complained", to, null);
        Map<String, String> wrong = new LinkedHashMap<>(signed(w.secret(), "msg_x", other));
        wrong.put("svix-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]));
        api.send("POST", w.resendPath(), null, other, wrong).expectError(401, "UNAUTHORIZED");
        Map<String, String> stale = new LinkedHashMap<>(signed(w.secret(), "msg_y", other));
        stale.put("svix-timestamp", Long.toString(Instant.now().getEpochSecond() - 600));
        api.send("POST", w.resendPath(), null, other, stale).expectError(401, "UNAUTHORIZED");
        assertThat(events(f, tenant)).isEqualTo(5);
    }
}
