package ai.revo.missioncontrol.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignApiTest extends IntegrationTest {

    static Map<String, Object> persona(int tone, int tenacity, int emoji, int length) {
        return Map.of(
                "agentName",
                "Maya",
                "tone",
                tone,
                "tenacity",
                tenacity,
                "emoji",
                emoji,
                "length",
                length,
                "skills",
                Map.of(
                        "appointmentBooking",
                        Map.of("enabled", true, "link", "https://cal.example.com/maya"),
                        "discountAuthority",
                        Map.of("enabled", true, "maxPercent", 15),
                        "humanHandoff",
                        Map.of("enabled", true),
                        "catalog",
                        Map.of("enabled", false)));
    }

    @Test
    void createsADraftCampaignWithItsGeneratedPromptAndEmitsCreated() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode c = api.post(
                        "/api/v1/campaigns",
                        admin.accessToken(),
                        Map.of(
                                "name",
                                "Spring renovation",
                                "objective",
                                "Book site visits",
                                "channels",
                                List.of("EMAIL", "SMS"),
                                "startDate",
                                "2027-03-01",
                                "endDate",
                                "2027-04-30",
                                "criteria",
                                Map.of("industries", List.of(Map.of("value", "Construction", "weight", 80))),
                                "persona",
                                persona(10, 90, 0, 20)))
                .expect(201)
                .json();
        assertThat(c.path("status").asText()).isEqualTo("DRAFT");
        assertThat(c.path("timezone").asText()).isEqualTo("America/Toronto");
        assertThat(c.path("channels")).hasSize(2);
        assertThat(c.path("persona")
                        .path("skills")
                        .path("discountAuthority")
                        .path("maxPercent")
                        .asInt())
                .isEqualTo(15);
        String prompt = c.path("systemPrompt").asText();
        assertThat(prompt)
                .contains("Maya")
                .contains("Extremely formal")
                .contains("Aggressive closer")
                .contains("Do NOT use emojis")
                .contains("Under 20 words")
                .contains("https://cal.example.com/maya")
                .contains("at most 15%")
                .contains("Never invent inventory")
                .contains("hand the conversation to a human");
        JsonNode fetched = api.get("/api/v1/campaigns/" + c.path("id").asText(), admin.accessToken())
                .expect(200)
                .json();
        assertThat(fetched.path("criteria")
                        .path("industries")
                        .get(0)
                        .path("weight")
                        .asInt())
                .isEqualTo(80);
        JsonNode event = api.get("/api/v1/events/feed?type=campaign.", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(event.path("type").asText()).isEqualTo("campaign.created");
        assertThat(event.path("campaignId").asText()).isEqualTo(c.path("id").asText());
    }

    @Test
    void theThreeBandsOfEachSliderGiveTheirInstruction() {
        Api api = api();
        Api.Session admin = api.signup();
        String low = preview(api, admin, 0);
        String mid = preview(api, admin, 50);
        String high = preview(api, admin, 100);
        assertThat(low)
                .contains("Extremely formal")
                .contains("Zero pressure")
                .contains("Do NOT use emojis")
                .contains("Under 20 words");
        assertThat(mid)
                .contains("Friendly and professional")
                .contains("Consultative")
                .contains("sparingly")
                .contains("Balanced");
        assertThat(high)
                .contains("Gen-Z")
                .contains("Aggressive closer")
                .contains("plenty of emojis")
                .contains("Tell a story");
        assertThat(preview(api, admin, 29)).contains("Extremely formal");
        assertThat(preview(api, admin, 30)).contains("Friendly and professional");
        assertThat(preview(api, admin, 70)).contains("Gen-Z");
        // a preview writes nothing
        assertThat(api.get("/api/v1/campaigns", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isZero();
    }

    private static String preview(Api api, Api.Session admin, int all) {
        return api.post(
                        "/api/v1/campaigns/prompt-preview",
                        admin.accessToken(),
                        Map.of("persona", persona(all, all, all, all)))
                .expect(200)
                .json()
                .path("systemPrompt")
                .asText();
    }

    @Test
    void discountAuthorityCanNeverExceedTwentyPercent() {
        Api api = api();
        Api.Session admin = api.signup();
        Map<String, Object> tooGenerous = Map.of(
                "agentName",
                "Max",
                "tone",
                50,
                "tenacity",
                50,
                "emoji",
                50,
                "length",
                50,
                "skills",
                Map.of("discountAuthority", Map.of("enabled", true, "maxPercent", 25)));
        assertThat(api.post(
                                "/api/v1/campaigns",
                                admin.accessToken(),
                                Map.of("name", "Too generous", "persona", tooGenerous))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("persona.skills.discountAuthority.maxPercent");
        assertThat(api.post("/api/v1/campaigns/prompt-preview", admin.accessToken(), Map.of("persona", tooGenerous))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("maxPercent");
        assertThat(api.get("/api/v1/campaigns", admin.accessToken()).json().path("data"))
                .isEmpty();
    }

    @Test
    void statusMovesFollowTheLifecycleAndRefusedMovesListTheAllowedOnes() {
        Api api = api();
        Api.Session admin = api.signup();
        String id = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Lifecycle"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String path = "/api/v1/campaigns/" + id + "/status";
        JsonNode refused = api.patch(path, admin.accessToken(), Map.of("status", "PAUSED"))
                .expectError(409, "CONFLICT")
                .json();
        List<String> allowed = new ArrayList<>();
        refused.path("error").path("details").path("allowed").forEach(n -> allowed.add(n.asText()));
        assertThat(allowed).containsExactly("ACTIVE", "ARCHIVED");
        api.patch(path, admin.accessToken(), Map.of("status", "ACTIVE")).expect(200);
        api.patch(path, admin.accessToken(), Map.of("status", "PAUSED")).expect(200);
        api.patch(path, admin.accessToken(), Map.of("status", "ACTIVE")).expect(200);
        api.patch(path, admin.accessToken(), Map.of("status", "COMPLETED")).expect(200);
        api.patch(path, admin.accessToken(), Map.of("status", "ACTIVE")).expectError(409, "CONFLICT");
        api.patch(path, admin.accessToken(), Map.of("status", "ARCHIVED")).expect(200);
        api.patch("/api/v1/campaigns/" + id, admin.accessToken(), Map.of("name", "Renamed"))
                .expectError(409, "CONFLICT");
        api.patch(path, admin.accessToken(), Map.of("status", "DONE")).expectError(400, "VALIDATION_ERROR");
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=campaign.&order=asc", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types)
                .containsExactly(
                        "campaign.created",
                        "campaign.activated",
                        "campaign.paused",
                        "campaign.activated",
                        "campaign.completed",
                        "campaign.archived");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndRegeneratesThePrompt() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode c = api.post(
                        "/api/v1/campaigns",
                        admin.accessToken(),
                        Map.of("name", "Patch me", "description", "Keep me", "startDate", "2027-01-01"))
                .expect(201)
                .json();
        String id = c.path("id").asText();
        JsonNode p = api.patch(
                        "/api/v1/campaigns/" + id, admin.accessToken(), Map.of("persona", persona(90, 10, 90, 90)))
                .expect(200)
                .json();
        assertThat(p.path("description").asText()).isEqualTo("Keep me");
        assertThat(p.path("startDate").asText()).isEqualTo("2027-01-01");
        assertThat(p.path("systemPrompt").asText())
                .contains("Gen-Z")
                .isNotEqualTo(c.path("systemPrompt").asText());
        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("startDate", null);
        assertThat(api.patch("/api/v1/campaigns/" + id, admin.accessToken(), clear)
                        .expect(200)
                        .json()
                        .path("startDate")
                        .isNull())
                .isTrue();
        JsonNode audit = api.get("/api/v1/audit?action=campaign.updated", admin.accessToken())
                .json()
                .path("data");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(1).path("before").path("persona").path("tone").asInt())
                .isEqualTo(50);
        assertThat(audit.get(1).path("after").path("persona").path("tone").asInt())
                .isEqualTo(90);
    }

    @Test
    void badCampaignInputIs400NamingTheFieldAndNamesAreUniquePerWorkspace() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session other = api.signup();
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("description", "no name"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "X", "channels", List.of("FAX")))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("channels");
        assertThat(api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "X", "timezone", "Mars/Base"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("timezone");
        assertThat(api.post(
                                "/api/v1/campaigns",
                                admin.accessToken(),
                                Map.of("name", "X", "startDate", "2027-05-01", "endDate", "2027-04-01"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("endDate");
        assertThat(api.post(
                                "/api/v1/campaigns",
                                admin.accessToken(),
                                Map.of("name", "X", "persona", Map.of("tone", 150)))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("persona.tone");
        assertThat(api.post(
                                "/api/v1/campaigns",
                                admin.accessToken(),
                                Map.of(
                                        "name",
                                        "X",
                                        "persona",
                                        Map.of("skills", Map.of("appointmentBooking", Map.of("enabled", true)))))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("appointmentBooking.link");
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "X", "budget", 10))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/campaigns", admin.accessToken()).json().path("data"))
                .isEmpty();

        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Winter"))
                .expect(201);
        api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "winter"))
                .expectError(409, "CONFLICT");
        api.post("/api/v1/campaigns", other.accessToken(), Map.of("name", "Winter"))
                .expect(201);
    }

    @Test
    void viewersReadButNeverWrite() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Api.Session operator = api.addUser(admin, "OPERATOR");
        String id = api.post("/api/v1/campaigns", operator.accessToken(), Map.of("name", "By operator"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.get("/api/v1/campaigns/" + id, viewer.accessToken()).expect(200);
        api.post("/api/v1/campaigns", viewer.accessToken(), Map.of("name", "Nope"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/campaigns/" + id, viewer.accessToken(), Map.of("name", "Nope"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/campaigns/" + id + "/status", viewer.accessToken(), Map.of("status", "ACTIVE"))
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void listFiltersByStatusAndSorts() {
        Api api = api();
        Api.Session admin = api.signup();
        for (String name : List.of("Bravo", "Alpha", "Charlie")) {
            api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", name))
                    .expect(201);
        }
        String alpha = api.get("/api/v1/campaigns?sort=name", admin.accessToken())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        api.patch("/api/v1/campaigns/" + alpha + "/status", admin.accessToken(), Map.of("status", "ACTIVE"))
                .expect(200);
        JsonNode active =
                api.get("/api/v1/campaigns?status=ACTIVE", admin.accessToken()).json();
        assertThat(active.path("data")).hasSize(1);
        assertThat(active.path("data").get(0).path("name").asText()).isEqualTo("Alpha");
        List<String> names = new ArrayList<>();
        api.get("/api/v1/campaigns?sort=name&order=desc", admin.accessToken())
                .json()
                .path("data")
                .forEach(n -> names.add(n.path("name").asText()));
        assertThat(names).containsExactly("Charlie", "Bravo", "Alpha");
        api.get("/api/v1/campaigns?status=LIVE", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
    }
}
