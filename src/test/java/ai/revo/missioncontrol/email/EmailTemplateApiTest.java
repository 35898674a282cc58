package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Templates through the API against the real PostgreSQL. */
class EmailTemplateApiTest extends IntegrationTest {

    static Map<String, Object> template(String title, String subject, String body) {
        Map<String, Object> t = new HashMap<>();
        t.put("title", title);
        t.put("description", "For " + title);
        t.put("content", Map.of("subject", subject, "body", body));
        t.put("category", "Intro");
        t.put("tone", "Friendly");
        return t;
    }

    @Test
    void crudWithEventsAuditAndFavouritesFirst() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        JsonNode created = api.post(
                        "/api/v1/templates",
                        t,
                        template(
                                "First touch",
                                "Hi {{firstName|there}}",
                                "<p>Hello {{firstName|there}} at {{company}}</p>"))
                .expect(201)
                .json();
        String id = created.path("id").asText();
        assertThat(created.path("title").asText()).isEqualTo("First touch");
        assertThat(created.path("content").path("subject").asText()).isEqualTo("Hi {{firstName|there}}");
        assertThat(created.path("category").asText()).isEqualTo("Intro");
        assertThat(created.path("tone").asText()).isEqualTo("Friendly");
        assertThat(created.path("favourite").asBoolean()).isFalse();
        assertThat(created.path("usageCount").asLong()).isZero();
        assertThat(created.path("openRate").isNull()).isTrue();
        assertThat(created.path("replyRate").isNull()).isTrue();
        assertThat(created.path("fields").toString()).isEqualTo("[\"firstName\",\"company\"]");

        JsonNode second = api.post("/api/v1/templates", t, template("Follow-up", "Again", "<p>Again</p>"))
                .expect(201)
                .json();
        JsonNode changed = api.patch("/api/v1/templates/" + id, t, Map.of("favourite", true, "title", "First touch v2"))
                .expect(200)
                .json();
        assertThat(changed.path("favourite").asBoolean()).isTrue();
        assertThat(changed.path("title").asText()).isEqualTo("First touch v2");
        assertThat(changed.path("content").path("body").asText()).contains("{{company}}"); // unchanged

        JsonNode list = api.get("/api/v1/templates", t).expect(200).json();
        assertThat(list.path("pagination").path("total").asInt()).isEqualTo(2);
        assertThat(list.path("data").get(0).path("id").asText()).isEqualTo(id); // favourite first
        assertThat(list.path("data").get(1).path("id").asText())
                .isEqualTo(second.path("id").asText());
        assertThat(api.get("/api/v1/templates/" + id, t)
                        .expect(200)
                        .json()
                        .path("title")
                        .asText())
                .isEqualTo("First touch v2");

        api.delete("/api/v1/templates/" + second.path("id").asText(), t).expect(204);
        api.get("/api/v1/templates/" + second.path("id").asText(), t).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/templates/" + second.path("id").asText(), t).expectError(404, "NOT_FOUND");

        List<String> actions = new ArrayList<>();
        api.get("/api/v1/audit?action=template.", t)
                .expect(200)
                .json()
                .path("data")
                .forEach(a -> actions.add(a.path("action").asText()));
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "template.created", "template.created", "template.updated", "template.deleted");
    }

    @Test
    void anUnknownMergeFieldIsRefusedNamingIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Response r = api.post(
                        "/api/v1/templates",
                        admin.accessToken(),
                        template("Bad", "Hi {{firstName}}", "<p>Your {{favouriteColour|blue}} car</p>"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(r.json().path("error").path("message").asText()).contains("{{favouriteColour}}");
        assertThat(r.json().path("error").path("details").path("unknownFields").toString())
                .isEqualTo("[\"favouriteColour\"]");
        assertThat(r.json()
                        .path("error")
                        .path("details")
                        .path("fields")
                        .get(0)
                        .path("field")
                        .asText())
                .isEqualTo("content.body");
        String id = api.post("/api/v1/templates", admin.accessToken(), template("Good", "Hi", "<p>Hi</p>"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Api.Response patch = api.patch(
                        "/api/v1/templates/" + id,
                        admin.accessToken(),
                        Map.of("content", Map.of("subject", "Hi {{first_name}}")))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(patch.json().path("error").path("message").asText())
                .contains("{{first_name}}")
                .contains("content.subject");
        assertThat(api.get("/api/v1/templates/" + id, admin.accessToken())
                        .json()
                        .path("content")
                        .path("subject")
                        .asText())
                .isEqualTo("Hi");
        api.post("/api/v1/templates", admin.accessToken(), Map.of("content", Map.of("subject", "s", "body", "b")))
                .expectError(400, "VALIDATION_ERROR");
        JsonNode check = api.post(
                        "/api/v1/templates/validate",
                        admin.accessToken(),
                        Map.of("subject", "{{nope}}", "body", "{{firstName}} {{sender.name}}"))
                .expect(200)
                .json();
        assertThat(check.path("unknownFields").toString()).isEqualTo("[\"nope\"]");
        assertThat(check.path("fields").toString()).isEqualTo("[\"firstName\",\"sender.name\"]");
    }

    @Test
    void renderFillsFieldsFromLeadContactCampaignAndSenderWithFallbacks() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post(
                        "/api/v1/campaigns", t, Map.of("name", "Spring push", "persona", Map.of("agentName", "Robin")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of(
                                        "email",
                                        Api.uniqueEmail("ada"),
                                        "firstName",
                                        "Ada",
                                        "company",
                                        "Engines <Ltd>",
                                        "city",
                                        "London")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String id = api.post(
                        "/api/v1/templates",
                        t,
                        template(
                                "Render",
                                "{{firstName|there}}, about {{campaign.name}}",
                                "<p onclick=\"x()\">Hi {{firstName|there}} at {{company}} in {{city}}, {{jobTitle|friend}}.</p>"
                                        + "<p>{{campaign.agentName}} / {{sender.email}}</p>"))
                .expect(201)
                .json()
                .path("id")
                .asText();

        JsonNode forLead = api.post("/api/v1/templates/" + id + "/render", t, Map.of("leadId", lead))
                .expect(200)
                .json();
        assertThat(forLead.path("subject").asText()).isEqualTo("Ada, about Spring push");
        assertThat(forLead.path("bodyHtml").asText())
                .isEqualTo("<p>Hi Ada at Engines &lt;Ltd&gt; in London, friend.</p><p>Robin / "
                        + admin.email().replace("@", "&#64;") + "</p>");
        assertThat(forLead.path("bodyText").asText())
                .isEqualTo("Hi Ada at Engines <Ltd> in London, friend.\n\nRobin / " + admin.email());

        JsonNode forProspect = api.post("/api/v1/templates/" + id + "/render", t, Map.of("company", "Acme"))
                .expect(200)
                .json();
        assertThat(forProspect.path("subject").asText()).isEqualTo("there, about");
        assertThat(forProspect.path("bodyText").asText()).startsWith("Hi there at Acme in , friend.");

        api.post(
                        "/api/v1/templates/" + id + "/render",
                        t,
                        Map.of("leadId", UUID.randomUUID().toString()))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/templates/" + UUID.randomUUID() + "/render", t, Map.of())
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void usageAndRatesComeFromRealSends() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String id = api.post("/api/v1/templates", t, template("Rated", "Hi", "<p>Hi</p>"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        UUID tenant = UUID.fromString(admin.tenantId());
        UUID template = UUID.fromString(id);
        Instant now = Instant.now();
        try (Connection c = database().connect()) {
            email(c, tenant, template, "SENT", now, now); // opened and replied
            email(c, tenant, template, "SENT", now, null); // opened
            email(c, tenant, template, "SENT", null, null);
            email(c, tenant, template, "SENT", null, null);
            email(c, tenant, template, "SIMULATED", null, null);
            email(c, tenant, template, "FAILED", null, null);
            email(c, tenant, template, "PENDING_SEND", null, null);
            email(c, tenant, null, "SENT", now, now); // another template's
        }
        JsonNode view = api.get("/api/v1/templates/" + id, t).expect(200).json();
        assertThat(view.path("usageCount").asLong()).isEqualTo(5);
        assertThat(view.path("openRate").asDouble()).isEqualTo(0.5);
        assertThat(view.path("replyRate").asDouble()).isEqualTo(0.25);
        JsonNode listed =
                api.get("/api/v1/templates", t).expect(200).json().path("data").get(0);
        assertThat(listed.path("usageCount").asLong()).isEqualTo(5);
        assertThat(listed.path("openRate").asDouble()).isEqualTo(0.5);
    }

    static void email(Connection c, UUID tenant, UUID template, String status, Instant opened, Instant replied)
            throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                insert into emails (id, tenant_id, source, template_id, from_email, to_email, subject, body_text, status,
                    message_id, sent_at, first_opened_at, first_replied_at)
                values (?, ?, 'COMPOSER', ?, 'me@example.com', 'you@example.com', 's', 'b', ?, ?, ?, ?, ?)
                """)) {
            UUID id = UUID.randomUUID();
            s.setObject(1, id);
            s.setObject(2, tenant);
            s.setObject(3, template);
            s.setString(4, status);
            s.setString(5, "<" + id + "@test>");
            s.setTimestamp(6, status.equals("SENT") ? Timestamp.from(Instant.now()) : null);
            s.setTimestamp(7, opened == null ? null : Timestamp.from(opened));
            s.setTimestamp(8, replied == null ? null : Timestamp.from(replied));
            s.executeUpdate();
        }
    }

    @Test
    void rolesAndAnotherWorkspace() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = api.post("/api/v1/templates", admin.accessToken(), template("Roles", "Hi", "<p>Hi</p>"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        api.post("/api/v1/templates", operator.accessToken(), template("Op", "Hi", "<p>Hi</p>"))
                .expect(201);
        api.patch("/api/v1/templates/" + id, operator.accessToken(), Map.of("favourite", true))
                .expect(200);
        for (String role : List.of("VIEWER", "CLOSER", "FINANCE")) {
            Api.Session user = api.addUser(admin, role);
            api.get("/api/v1/templates", user.accessToken()).expect(200);
            api.get("/api/v1/templates/" + id, user.accessToken()).expect(200);
            api.post("/api/v1/templates", user.accessToken(), template("No", "Hi", "<p>Hi</p>"))
                    .expectError(403, "FORBIDDEN");
            api.patch("/api/v1/templates/" + id, user.accessToken(), Map.of("title", "No"))
                    .expectError(403, "FORBIDDEN");
            api.delete("/api/v1/templates/" + id, user.accessToken()).expectError(403, "FORBIDDEN");
            api.post("/api/v1/templates/" + id + "/render", user.accessToken(), Map.of())
                    .expect(role.equals("CLOSER") ? 200 : 403);
        }

        Api.Session other = api.signup();
        String o = other.accessToken();
        api.get("/api/v1/templates/" + id, o).expectError(404, "NOT_FOUND");
        api.patch("/api/v1/templates/" + id, o, Map.of("title", "Hijacked")).expectError(404, "NOT_FOUND");
        api.post("/api/v1/templates/" + id + "/render", o, Map.of()).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/templates/" + id, o).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/templates", o)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/v1/templates/" + id, admin.accessToken())
                        .json()
                        .path("title")
                        .asText())
                .isEqualTo("Roles");
    }
}
