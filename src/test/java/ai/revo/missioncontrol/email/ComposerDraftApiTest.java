package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The composer's drafts through the API against the real PostgreSQL. */
class ComposerDraftApiTest extends IntegrationTest {

    static Map<String, Object> draft(UUID id, String subject, String html) {
        Map<String, Object> d = new HashMap<>();
        if (id != null) {
            d.put("id", id.toString());
        }
        d.put("subject", subject);
        d.put("bodyHtml", html);
        return d;
    }

    long rows(UUID id) throws Exception {
        try (Connection c = database().connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from email_drafts where id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theSameSaveTwiceWithAClientIdLeavesOneDraftAndAnUpdateChangesIt() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        UUID id = UUID.randomUUID();
        JsonNode first = api.post("/api/v1/emails/draft", t, draft(id, "Hello", "<p>Hi</p>"))
                .expect(200)
                .json();
        assertThat(first.path("id").asText()).isEqualTo(id.toString());
        assertThat(first.path("updatedAt").asText()).isNotBlank();
        JsonNode again = api.post("/api/v1/emails/draft", t, draft(id, "Hello", "<p>Hi</p>"))
                .expect(200)
                .json();
        assertThat(again.path("id").asText()).isEqualTo(id.toString());
        assertThat(rows(id)).isEqualTo(1);
        assertThat(api.get("/api/v1/emails/drafts", t)
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isEqualTo(1);

        api.post("/api/v1/emails/draft", t, draft(id, "Hello again", "<p>Changed <b>text</b></p>"))
                .expect(200);
        JsonNode read = api.get("/api/v1/emails/drafts/" + id, t).expect(200).json();
        assertThat(read.path("subject").asText()).isEqualTo("Hello again");
        assertThat(read.path("bodyHtml").asText()).isEqualTo("<p>Changed <b>text</b></p>");
        assertThat(read.path("bodyText").asText()).isEqualTo("Changed text");
        assertThat(read.path("version").asLong()).isEqualTo(2);
        assertThat(read.path("createdBy").asText()).isEqualTo(admin.email());
        assertThat(rows(id)).isEqualTo(1);

        // without an id the server chooses one
        JsonNode generated = api.post("/api/v1/emails/draft", t, draft(null, "New", "<p>x</p>"))
                .expect(200)
                .json();
        assertThat(generated.path("id").asText()).isNotEqualTo(id.toString());
        JsonNode list = api.get("/api/v1/emails/drafts", t).expect(200).json();
        assertThat(list.path("pagination").path("total").asInt()).isEqualTo(2);
        assertThat(list.path("data").get(0).path("id").asText())
                .isEqualTo(generated.path("id").asText()); // newest first

        List<String> actions = new java.util.ArrayList<>();
        api.get("/api/v1/audit?action=email_draft.", t)
                .json()
                .path("data")
                .forEach(a -> actions.add(a.path("action").asText()));
        assertThat(actions).containsExactly("email_draft.created", "email_draft.created");
    }

    @Test
    void anotherWorkspacesIdIsNeverOverwrittenNorRead() throws Exception {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        UUID id = UUID.randomUUID();
        api.post("/api/v1/emails/draft", a.accessToken(), draft(id, "Mine", "<p>A's text</p>"))
                .expect(200);
        api.post("/api/v1/emails/draft", b.accessToken(), draft(id, "Hijacked", "<p>B</p>"))
                .expectError(404, "NOT_FOUND");
        api.get("/api/v1/emails/drafts/" + id, b.accessToken()).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/emails/draft/" + id, b.accessToken()).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/emails/drafts", b.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
        JsonNode still = api.get("/api/v1/emails/drafts/" + id, a.accessToken())
                .expect(200)
                .json();
        assertThat(still.path("subject").asText()).isEqualTo("Mine");
        assertThat(still.path("bodyText").asText()).isEqualTo("A's text");
        assertThat(rows(id)).isEqualTo(1);
    }

    @Test
    void sanitisingStripsScriptsAndHandlersButKeepsLinksAndBoldAndDerivesTheText() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        UUID id = UUID.randomUUID();
        api.post(
                        "/api/v1/emails/draft",
                        t,
                        draft(
                                id,
                                "Hi",
                                "<p onclick=\"steal()\">Hello <b>Ada</b>"
                                        + "<script>alert('x')</script></p><p>See <a href=\"https://example.com/demo\">the demo</a><br>"
                                        + "Thanks</p><ul><li>One</li><li>Two</li></ul><img src=\"x\" onerror=\"alert(1)\">"))
                .expect(200);
        JsonNode d = api.get("/api/v1/emails/drafts/" + id, t).expect(200).json();
        String html = d.path("bodyHtml").asText();
        assertThat(html).doesNotContain("<script", "alert", "onclick", "onerror");
        assertThat(html).contains("<b>Ada</b>", "<a href=\"https://example.com/demo\"", ">the demo</a>");
        assertThat(d.path("bodyText").asText())
                .isEqualTo("Hello Ada\n\nSee the demo (https://example.com/demo)\nThanks\n\n- One\n- Two");

        // a text part given by the client is kept as it is
        Map<String, Object> withText = draft(id, "Hi", "<p>Html</p>");
        withText.put("bodyText", "My own text");
        api.post("/api/v1/emails/draft", t, withText).expect(200);
        assertThat(api.get("/api/v1/emails/drafts/" + id, t)
                        .json()
                        .path("bodyText")
                        .asText())
                .isEqualTo("My own text");
    }

    @Test
    void prospectMustBeALeadOfTheWorkspaceAndReferencesAreChecked() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "C " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        t,
                        Map.of("campaignId", campaign, "contact", Map.of("email", Api.uniqueEmail("p"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        UUID id = UUID.randomUUID();
        Map<String, Object> d = draft(id, "Hi", "<p>Hi</p>");
        d.put("prospectId", lead);
        d.put("campaignId", campaign);
        api.post("/api/v1/emails/draft", t, d).expect(200);
        JsonNode read = api.get("/api/v1/emails/drafts/" + id, t).json();
        assertThat(read.path("prospectId").asText()).isEqualTo(lead);
        assertThat(read.path("campaignId").asText()).isEqualTo(campaign);

        Api.Session other = api.signup();
        Map<String, Object> foreign = draft(UUID.randomUUID(), "Hi", "<p>Hi</p>");
        foreign.put("prospectId", lead);
        api.post("/api/v1/emails/draft", other.accessToken(), foreign).expectError(404, "NOT_FOUND");
        Map<String, Object> badTemplate = draft(UUID.randomUUID(), "Hi", "<p>Hi</p>");
        badTemplate.put("templateId", UUID.randomUUID().toString());
        api.post("/api/v1/emails/draft", t, badTemplate).expectError(404, "NOT_FOUND");
        api.post("/api/v1/emails/draft", t, Map.of("id", "not-a-uuid")).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void oversizedBodiesAre413UnknownDrafts404AndDeleteRemoves() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        UUID id = UUID.randomUUID();
        String big = "<p>" + "x".repeat(ComposerDrafts.MAX_BYTES) + "</p>";
        Api.Response tooBig = api.post("/api/v1/emails/draft", t, draft(id, "Big", big));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(rows(id)).isZero();

        api.get("/api/v1/emails/drafts/" + UUID.randomUUID(), t).expectError(404, "NOT_FOUND");
        api.delete("/api/v1/emails/draft/" + UUID.randomUUID(), t).expectError(404, "NOT_FOUND");

        api.post("/api/v1/emails/draft", t, draft(id, "Short", "<p>ok</p>")).expect(200);
        api.delete("/api/v1/emails/draft/" + id, t).expect(204);
        api.get("/api/v1/emails/drafts/" + id, t).expectError(404, "NOT_FOUND");
        assertThat(rows(id)).isZero();
        assertThat(api.get("/api/v1/audit?action=email_draft.deleted", t).json().path("data"))
                .hasSize(1);
    }

    @Test
    void roles() {
        Api api = api();
        Api.Session admin = api.signup();
        UUID id = UUID.randomUUID();
        api.post("/api/v1/emails/draft", admin.accessToken(), draft(id, "Hi", "<p>Hi</p>"))
                .expect(200);
        for (String role : List.of("OPERATOR", "CLOSER")) {
            Api.Session user = api.addUser(admin, role);
            api.post("/api/v1/emails/draft", user.accessToken(), draft(UUID.randomUUID(), "Hi", "<p>Hi</p>"))
                    .expect(200);
        }
        for (String role : List.of("VIEWER", "FINANCE")) {
            Api.Session user = api.addUser(admin, role);
            api.get("/api/v1/emails/drafts/" + id, user.accessToken()).expect(200);
            api.post("/api/v1/emails/draft", user.accessToken(), draft(id, "No", "<p>No</p>"))
                    .expectError(403, "FORBIDDEN");
            api.delete("/api/v1/emails/draft/" + id, user.accessToken()).expectError(403, "FORBIDDEN");
        }
        assertThat(api.get("/api/v1/emails/drafts/" + id, admin.accessToken())
                        .json()
                        .path("subject")
                        .asText())
                .isEqualTo("Hi");
    }
}
