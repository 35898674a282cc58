package ai.revo.missioncontrol.email;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.RecordingAdapters;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The composer's send moves its lead like an approved draft; its prospect search lists each person once. */
class ComposerSendTest extends IntegrationTest {

    private static String campaign(Api api, Api.Session s, String name) {
        return api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", name + " " + UUID.randomUUID()))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private static JsonNode lead(Api api, Api.Session s, String campaign, String email, String company) {
        return api.post(
                        "/api/v1/leads",
                        s.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of(
                                        "firstName",
                                        "Linus",
                                        "lastName",
                                        "Pauling",
                                        "email",
                                        email,
                                        "company",
                                        company)))
                .expect(201)
                .json();
    }

    @Test
    void aComposerSendMovesTheLeadToApprovedThenContactedOnceSent() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        api.patch("/api/v1/settings/safety", t, Map.of("dryRunMode", false, "channels", Map.of("EMAIL", true)))
                .expect(200);
        RecordingAdapters.configure(TenantId.of(admin.tenantId()));
        String campaign = campaign(api, admin, "Composer");
        String to = Api.uniqueEmail("linus");
        String lead = lead(api, admin, campaign, to, "Caltech").path("id").asText();
        assertThat(api.get("/api/v1/leads/" + lead, t).json().path("status").asText())
                .isEqualTo("NEW");
        String draft = api.post(
                        "/api/v1/emails/draft",
                        t,
                        Map.of(
                                "prospectId",
                                lead,
                                "campaignId",
                                campaign,
                                "subject",
                                "Vitamin C",
                                "bodyHtml",
                                "<p>Hi Linus</p>"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        String email = api.send(
                        "POST",
                        "/api/v1/emails/send",
                        t,
                        Map.of("draftId", draft, "toEmail", to),
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(202)
                .json()
                .path("id")
                .asText();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/v1/emails/" + email, t)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("SENT"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/v1/leads/" + lead, t)
                                .json()
                                .path("status")
                                .asText())
                        .isEqualTo("CONTACTED"));
        // the way there is the approved draft's: drafted, approved (by the person who sent), contacted
        JsonNode moves = api.get(
                        "/api/v1/events/feed?type=lead.status_changed&entityId=" + lead + "&order=asc&limit=50", t)
                .expect(200)
                .json()
                .path("data");
        StringBuilder path = new StringBuilder();
        for (JsonNode e : moves) {
            path.append(e.path("payload").path("to").asText()).append(' ');
        }
        assertThat(path.toString().strip()).isEqualTo("DRAFTED APPROVED CONTACTED");
    }

    @Test
    void theProspectSearchListsAPersonInSeveralCampaignsOnce() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String one = campaign(api, admin, "Spring");
        String two = campaign(api, admin, "Autumn");
        String email = Api.uniqueEmail("linus");
        lead(api, admin, one, email, "Caltech");
        lead(api, admin, two, email, "Caltech");
        lead(api, admin, one, Api.uniqueEmail("other"), "Elsewhere");

        JsonNode found = api.get("/api/v1/emails/prospects?q=caltech", t)
                .expect(200)
                .json()
                .path("data");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("email").asText()).isEqualTo(email);
        assertThat(found.get(0).path("leads").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/emails/prospects", t)
                        .expect(200)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(2);
        api.get("/api/v1/emails/prospects?limit=0", t).expectError(400, "VALIDATION_ERROR");
    }
}
