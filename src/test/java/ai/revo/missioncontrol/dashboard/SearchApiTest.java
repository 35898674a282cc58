package ai.revo.missioncontrol.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchApiTest extends IntegrationTest {

    @Test
    void findsContactsByNameEmailPhoneAndCompanyAndTheirLeads() {
        Api api = api();
        Api.Session admin = api.signup();
        String contact = api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName",
                                "Ada",
                                "lastName",
                                "Lovelace",
                                "email",
                                "ada@analytical.example",
                                "phone",
                                "(416) 555-0199",
                                "company",
                                "Analytical Engines"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("firstName", "Grace", "lastName", "Hopper", "email", "grace@navy.example"))
                .expect(200);
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Lovelace outreach"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", "ada@analytical.example")))
                .expect(201);

        assertThat(titles(search(api, admin, "lovelace"), "contact")).containsExactly("Ada Lovelace");
        assertThat(titles(search(api, admin, "ada@analytical.example"), "contact"))
                .containsExactly("Ada Lovelace");
        assertThat(titles(search(api, admin, "416 555 01"), "contact")).containsExactly("Ada Lovelace");
        assertThat(titles(search(api, admin, "engines"), "contact")).containsExactly("Ada Lovelace");
        assertThat(titles(search(api, admin, "hopper grace"), "contact")).containsExactly("Grace Hopper");
        JsonNode both = search(api, admin, "lovelace");
        assertThat(titles(both, "lead")).containsExactly("Ada Lovelace");
        assertThat(titles(both, "campaign")).containsExactly("Lovelace outreach");
        assertThat(path(both, "contact")).isEqualTo("/contacts/" + contact);
        assertThat(path(both, "campaign")).isEqualTo("/campaigns/" + campaign);
        assertThat(search(api, admin, "nobody-like-this").path("data")).isEmpty();
    }

    @Test
    void findsDraftsByWordsAndTemplatesByTitle() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = api.post("/api/v1/campaigns", admin.accessToken(), Map.of("name", "Spring"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post(
                        "/api/v1/drafts",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                campaign,
                                "channel",
                                "EMAIL",
                                "subject",
                                "Quarterly roadmap",
                                "bodyText",
                                "Shall we review the warehouse automation next week?"))
                .expect(201);
        api.post(
                        "/api/v1/templates",
                        admin.accessToken(),
                        Map.of(
                                "title",
                                "Warehouse intro",
                                "category",
                                "Intro",
                                "content",
                                Map.of("subject", "Hello", "body", "<p>Hi</p>")))
                .expect(201);
        assertThat(titles(search(api, admin, "wareh"), "draft")).containsExactly("Quarterly roadmap");
        assertThat(titles(search(api, admin, "roadmap"), "draft")).containsExactly("Quarterly roadmap");
        assertThat(titles(search(api, admin, "warehouse"), "template")).containsExactly("Warehouse intro");
    }

    @Test
    void anotherWorkspaceFindsNothingOfThisOne() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        api.post("/api/v1/contacts", b.accessToken(), Map.of("firstName", "Zebulon", "email", "zeb@b.example"))
                .expect(200);
        api.post("/api/v1/campaigns", b.accessToken(), Map.of("name", "Zebulon campaign"))
                .expect(201);
        assertThat(search(api, b, "zebulon").path("data")).hasSize(2);
        assertThat(search(api, a, "zebulon").path("data")).isEmpty();
    }

    @Test
    void tooShortOrMissingQueryIsRefused() {
        Api api = api();
        Api.Session admin = api.signup();
        api.get("/api/v1/search?q=%20a%20", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/search", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/search?q=abc&limit=0", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.get("/api/v1/search?q=100%25_", admin.accessToken()).expect(200);
    }

    static JsonNode search(Api api, Api.Session who, String q) {
        return api.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), who.accessToken())
                .expect(200)
                .json();
    }

    static List<String> titles(JsonNode result, String kind) {
        List<String> titles = new ArrayList<>();
        result.path("data").forEach(h -> {
            if (h.path("kind").asText().equals(kind)) {
                titles.add(h.path("title").asText());
            }
        });
        return titles;
    }

    static String path(JsonNode result, String kind) {
        for (JsonNode h : result.path("data")) {
            if (h.path("kind").asText().equals(kind)) {
                return h.path("path").asText();
            }
        }
        return null;
    }
}
