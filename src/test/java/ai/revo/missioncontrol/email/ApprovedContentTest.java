package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.EmailHtml;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the approver sees is what is sent: stored HTML is sanitised on every path, an edit of the text rebuilds the
 * HTML, the decision records the fingerprint of the exact version approved, and the sender refuses anything else.
 */
class ApprovedContentTest extends EmailIntegrationTest {

    private static final String PHISHING = "<p>Hello</p><script>alert(1)</script>"
            + "<a href=\"javascript:alert(1)\" onclick=\"steal()\">Click</a>"
            + "<a href=\"https://bank.example.evil/login\" style=\"color:red\">Your bank</a>"
            + "<img src=\"http://tracker.example/x.png\"><iframe src=\"https://evil.example\"></iframe>";

    @Autowired
    DraftManagement drafts;

    record Setup(Api.Session admin, String campaign, String lead, String to) {
        String t() {
            return admin.accessToken();
        }
    }

    private Setup setup(boolean live) {
        Api api = api();
        Api.Session admin = api.signup();
        if (live) {
            api.patch("/api/v1/settings/safety", admin.accessToken(), live()).expect(200);
        }
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Approved content"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String to = Api.uniqueEmail("reader");
        String lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("firstName", "Ria", "email", to)))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new Setup(admin, campaign, lead, to);
    }

    private String write(Setup s, String text, String html) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", s.campaign());
        body.put("leadId", s.lead());
        body.put("channel", "EMAIL");
        body.put("subject", "An offer");
        body.put("bodyText", text);
        body.put("bodyHtml", html);
        return api().post("/api/v1/drafts", s.t(), body)
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private static void assertSafe(String html) {
        assertThat(html)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContain("http://tracker.example");
    }

    @Test
    void storedHtmlIsSanitisedOnEveryPathThatStoresADraft() {
        Setup s = setup(false);
        // the API
        String id = write(s, "Hello", PHISHING);
        JsonNode stored = api().get("/api/v1/drafts/" + id, s.t()).expect(200).json();
        assertSafe(stored.path("bodyHtml").asText());
        assertThat(stored.path("bodyHtml").asText())
                .contains("<p>Hello</p>")
                .contains("https://bank.example.evil/login");
        // a revision through the API
        JsonNode revised = api().patch("/api/v1/drafts/" + id, s.t(), Map.of("bodyHtml", PHISHING + "<p>v2</p>"))
                .expect(200)
                .json();
        assertSafe(revised.path("bodyHtml").asText());
        // an agent (in-process, through the facade)
        DraftView byAgent = drafts.write(
                TenantId.of(s.admin().tenantId()),
                UUID.fromString(s.campaign()),
                null,
                Channel.EMAIL,
                new DraftContent("Agent offer", "Hello", PHISHING),
                null,
                null,
                null,
                Actor.agent(UUID.randomUUID(), "drafter"));
        assertSafe(byAgent.bodyHtml());
    }

    @Test
    void checksAndConfidenceCannotBeSetThroughTheApi() {
        Setup s = setup(false);
        for (String field : new String[] {"confidence", "checks"}) {
            Map<String, Object> body = new HashMap<>();
            body.put("campaignId", s.campaign());
            body.put("channel", "SMS");
            body.put("bodyText", "Hi");
            body.put(field, field.equals("confidence") ? 0.99 : Map.of("flagged", false));
            api().post("/api/v1/drafts", s.t(), body).expectError(400, "VALIDATION_ERROR");
        }
    }

    @Test
    void anApproverEditingTheTextAloneRebuildsTheHtmlPart() {
        Setup s = setup(false);
        String id = write(s, "Old offer", "<p>Old offer, <a href=\"https://old.example/deal\">here</a></p>");
        api().patch("/api/v1/drafts/" + id, s.t(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        JsonNode approved = api().post(
                        "/api/v1/drafts/" + id + "/edit-inline-approve", s.t(), Map.of("body", "New offer <b>now</b>"))
                .expect(200)
                .json();
        assertThat(approved.path("bodyText").asText()).isEqualTo("New offer <b>now</b>");
        assertThat(approved.path("bodyHtml").asText()).isEqualTo("<p>New offer &lt;b&gt;now&lt;/b&gt;</p>");
    }

    @Test
    void theDecisionRecordsTheApprovedVersionAndTheSenderRefusesAnythingElse() throws Exception {
        Setup s = setup(true);
        String status = "/api/v1/campaigns/" + s.campaign() + "/status";
        api().patch(status, s.t(), Map.of("status", "ACTIVE")).expect(200);
        api().patch(status, s.t(), Map.of("status", "PAUSED")).expect(200);
        String html = "<p>Hi Ria, <a href=\"https://revo.example/offer\">our offer</a>.</p>";
        String id = write(s, "Hi Ria, our offer.", html);
        api().patch("/api/v1/drafts/" + id, s.t(), Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        api().post("/api/v1/drafts/" + id + "/approve", s.t(), null).expect(200);
        JsonNode decision = api().get("/api/v1/approvals?draftId=" + id, s.t())
                .expect(200)
                .json()
                .path("data")
                .get(0);
        JsonNode draft = api().get("/api/v1/drafts/" + id, s.t()).json();
        assertThat(decision.path("contentSha256").asText())
                .isEqualTo(EmailHtml.contentHash(
                        draft.path("subject").asText(),
                        draft.path("bodyText").asText(),
                        draft.path("bodyHtml").asText()));

        // held by the paused campaign; meanwhile its stored HTML is swapped for something nobody approved
        UUID email = await().atMost(Duration.ofSeconds(20)).until(() -> emailOf(id), e -> e != null);
        assertThat(update(
                        "update emails set body_html = ? where id = ?",
                        "<p>Your account is locked: <a href=\"https://evil.example/login\">sign in</a></p>",
                        email))
                .isEqualTo(1);
        api().patch(status, s.t(), Map.of("status", "ACTIVE")).expect(200);
        JsonNode refused = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api().get("/api/v1/emails/" + email, s.t()).json(),
                        e -> e.path("status").asText().equals("BLOCKED"));
        assertThat(refused.path("reason").asText()).contains("differs from the version the approver approved");
        for (MimeMessage m : GREENMAIL.getReceivedMessages()) {
            assertThat(m.getAllRecipients()[0].toString()).isNotEqualToIgnoringCase(s.to());
        }
    }

    private UUID emailOf(String draftId) throws Exception {
        try (Connection c = database().connect();
                PreparedStatement q = c.prepareStatement("select id from emails where draft_id = ?")) {
            q.setObject(1, UUID.fromString(draftId));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }
}
