package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.email.EmailWebhookSecrets;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A workspace with a lead that was sent an email, and the signed reply webhook a mail provider would call. The sent
 * email is inserted with the test database's superuser connection (the email worker writes it in production).
 */
public final class ConversationFixture {

    static final ObjectMapper JSON = new ObjectMapper();

    final Api api;
    final Api.Session admin;
    final JdbcClient db;
    final String campaign;
    final String lead;
    final String to;
    final UUID emailId;
    final String messageId;

    ConversationFixture(Api api, TestDatabase.Endpoint endpoint) {
        this(api, endpoint, api.signup());
    }

    public ConversationFixture(Api api, TestDatabase.Endpoint endpoint, Api.Session admin) {
        this.api = api;
        this.admin = admin;
        this.db = JdbcClient.create(
                new DriverManagerDataSource(endpoint.url(), endpoint.username(), endpoint.password()));
        this.campaign = api.post(
                        "/api/v1/campaigns",
                        admin.accessToken(),
                        Map.of("name", "Replies " + UUID.randomUUID().toString().substring(0, 8)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        this.to = Api.uniqueEmail("ada");
        this.lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("firstName", "Ada", "lastName", "Lovelace", "email", to)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        for (String status : new String[] {"DRAFTED", "APPROVED", "CONTACTED"}) {
            api.patch("/api/v1/leads/" + lead, admin.accessToken(), Map.of("status", status))
                    .expect(200);
        }
        this.emailId = UUID.randomUUID();
        this.messageId = "<" + emailId + "@revo.example>";
        db.sql("""
                insert into emails (id, tenant_id, source, campaign_id, lead_id, from_email, to_email, subject,
                    body_html, body_text, status, message_id, sent_at)
                values (?, ?, 'APPROVAL', ?, ?, 'no-reply@localhost', ?, 'Shall we talk?', '<p>Hi Ada</p>',
                    'Hi Ada, shall we talk about your fleet?', 'SENT', ?, ?)""")
                .params(
                        emailId,
                        UUID.fromString(admin.tenantId()),
                        UUID.fromString(campaign),
                        UUID.fromString(lead),
                        to,
                        messageId,
                        Timestamp.from(Instant.now().minusSeconds(3600)))
                .update();
    }

    /** A conversation of this workspace: the lead replied once; answers its id. */
    public static String conversation(Api api, TestDatabase.Endpoint endpoint, Api.Session admin) {
        ConversationFixture f = new ConversationFixture(api, endpoint, admin);
        f.reply("Probe reply", null).expect(200);
        return f.awaitConversation(2).path("id").asText();
    }

    /** An email of this workspace that was simulated in dry run; answers its id. */
    public static String simulatedEmail(Api api, TestDatabase.Endpoint endpoint, Api.Session admin) {
        ConversationFixture f = new ConversationFixture(api, endpoint, admin);
        f.db.sql("update emails set status = 'SIMULATED', sent_at = null where id = ?")
                .param(f.emailId)
                .update();
        return f.emailId.toString();
    }

    String token() {
        return admin.accessToken();
    }

    /** Calls the signed reply webhook for the sent email. */
    Api.Response reply(String text, String replyMessageId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messageId", messageId);
        body.put("replySubject", "Re: Shall we talk?");
        body.put("replyBody", text);
        body.put("replyFrom", to);
        if (replyMessageId != null) {
            body.put("replyMessageId", replyMessageId);
        }
        String raw;
        try {
            raw = JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String secret = api.get("/api/v1/settings/webhooks", admin.accessToken())
                .expect(200)
                .json()
                .path("emailWebhookSecret")
                .asText();
        long t = Instant.now().getEpochSecond();
        String signature =
                "t=" + t + ",v1=" + EmailWebhookSecrets.sign(secret, t, raw.getBytes(StandardCharsets.UTF_8));
        return api.send("POST", "/api/v1/webhooks/email/reply", null, raw, Map.of("X-MC-Signature", signature));
    }

    /** Waits until the conversation of this lead has {@code messages} messages and answers it. */
    JsonNode awaitConversation(int messages) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode list = api.get("/api/v1/conversations?status=ALL", token())
                    .expect(200)
                    .json()
                    .path("data");
            if (list.size() == 1 && list.get(0).path("messageCount").asInt() == messages) {
                found[0] = list.get(0);
                return true;
            }
            return false;
        });
        return found[0];
    }

    Map<String, Object> email(UUID id) {
        return db.sql("select * from emails where id = ?").param(id).query().singleRow();
    }
}
