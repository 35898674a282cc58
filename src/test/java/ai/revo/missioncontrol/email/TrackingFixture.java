package ai.revo.missioncontrol.email;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Rows the tracking tests need that another helper's code writes in production (emails): inserted with the test
 * database's superuser connection, which row-level security does not restrict, and read back the same way.
 */
final class TrackingFixture {

    final JdbcClient db;

    TrackingFixture(TestDatabase.Endpoint endpoint) {
        this.db = JdbcClient.create(
                new DriverManagerDataSource(endpoint.url(), endpoint.username(), endpoint.password()));
    }

    record Email(UUID id, String messageId, String to) {}

    static String campaign(Api api, Api.Session s) {
        return api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", "Tracking " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    /** A lead of the campaign moved along the pipeline to CONTACTED (the state after its first email). */
    static String contactedLead(Api api, Api.Session s, String campaign, String email) {
        String lead = api.post(
                        "/api/v1/leads",
                        s.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", email)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        for (String status : new String[] {"DRAFTED", "APPROVED", "CONTACTED"}) {
            api.patch("/api/v1/leads/" + lead, s.accessToken(), Map.of("status", status))
                    .expect(200);
        }
        return lead;
    }

    Email email(String tenant, String campaign, String lead, String to, String status, Instant sentAt) {
        UUID id = UUID.randomUUID();
        String messageId = "<" + id + "@test.missioncontrol>";
        db.sql("""
                insert into emails (id, tenant_id, source, campaign_id, lead_id, from_email, to_email, subject,
                    body_html, body_text, status, message_id, sent_at)
                values (?, ?, 'APPROVAL', ?, ?, 'sales@revo.example', ?, 'Hello', '<p>Hi</p>', 'Hi', ?, ?, ?)""")
                .params(
                        id,
                        UUID.fromString(tenant),
                        campaign == null ? null : UUID.fromString(campaign),
                        lead == null ? null : UUID.fromString(lead),
                        to,
                        status,
                        messageId,
                        sentAt == null ? null : Timestamp.from(sentAt))
                .update();
        return new Email(id, messageId, to);
    }

    Email sentEmail(String tenant, String campaign, String lead) {
        return email(
                tenant,
                campaign,
                lead,
                Api.uniqueEmail("prospect"),
                "SENT",
                Instant.now().minusSeconds(60));
    }

    long count(String table, UUID emailId) {
        return db.sql("select count(*) from " + table + " where email_id = ?")
                .param(emailId)
                .query(Long.class)
                .single();
    }

    void setHtml(UUID emailId, String html) {
        db.sql("update emails set body_html = ? where id = ?")
                .params(html, emailId)
                .update();
    }

    Map<String, Object> row(UUID emailId) {
        return db.sql("select * from emails where id = ?")
                .param(emailId)
                .query()
                .singleRow();
    }

    static String signature(String secret, long t, String body) {
        return "t=" + t + ",v1=" + EmailWebhookSecrets.sign(secret, t, body.getBytes(StandardCharsets.UTF_8));
    }

    static Api.Response webhook(Api api, String kind, String header, String body) {
        return api.send(
                "POST",
                "/api/v1/webhooks/email/" + kind,
                null,
                body,
                header == null ? Map.of() : Map.of("X-MC-Signature", header));
    }

    static String secret(Api api, Api.Session admin) {
        return api.get("/api/v1/settings/webhooks", admin.accessToken())
                .expect(200)
                .json()
                .path("emailWebhookSecret")
                .asText();
    }
}
