package ai.revo.missioncontrol.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactTimelineApiTest extends IntegrationTest {

    private static List<String> kinds(JsonNode timeline) {
        List<String> kinds = new ArrayList<>();
        timeline.path("data").forEach(e -> kinds.add(e.path("kind").asText()));
        return kinds;
    }

    @Test
    void theTimelineGathersNotesStatusScoreDraftsDecisionsEmailsAndTasksNewestFirst() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Spring fair"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode lead = api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("email", "rita@example.com", "firstName", "Rita")))
                .expect(201)
                .json();
        String leadId = lead.path("id").asText();
        String contact = lead.path("contactId").asText();

        api.post("/api/v1/contacts/" + contact + "/notes", t, Map.of("text", "Met at the fair; wants a demo."))
                .expect(201);
        api.patch("/api/v1/leads/" + leadId, t, Map.of("status", "ENRICHED", "score", "B", "scoreReason", "fits"))
                .expect(200);
        api.post("/api/v1/leads/" + leadId + "/score-override", t, Map.of("score", "A", "reason", "Big budget"))
                .expect(200);
        String draft = api.post(
                        "/api/v1/drafts",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "leadId",
                                leadId,
                                "channel",
                                "EMAIL",
                                "subject",
                                "Your demo",
                                "bodyText",
                                "Hi Rita, shall we?",
                                "priority",
                                "NORMAL"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.patch("/api/v1/drafts/" + draft, t, Map.of("status", "NEEDS_APPROVAL"))
                .expect(200);
        api.post("/api/v1/drafts/" + draft + "/approve", t, null).expect(200);
        api.post("/api/v1/tasks", t, Map.of("title", "Book the demo room", "leadId", leadId))
                .expect(201);

        JsonNode timeline = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/v1/contacts/" + contact + "/timeline?limit=100", t)
                                .expect(200)
                                .json(),
                        j -> kinds(j).contains("EMAIL"));
        assertThat(kinds(timeline))
                .contains("NOTE", "ENROLLED", "STATUS", "SCORE", "DRAFT", "DECISION", "EMAIL", "TASK");
        assertThat(timeline.path("pagination").path("total").asInt())
                .isEqualTo(timeline.path("data").size());
        List<String> times = new ArrayList<>();
        timeline.path("data").forEach(e -> times.add(e.path("at").asText()));
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode note = find(timeline, "NOTE");
        assertThat(note.path("text").asText()).isEqualTo("Met at the fair; wants a demo.");
        assertThat(note.path("actorName").asText()).isEqualTo(admin.email());
        JsonNode override = null;
        for (JsonNode e : timeline.path("data")) {
            if (e.path("kind").asText().equals("SCORE")
                    && e.path("text").asText().equals("Big budget")) {
                override = e;
            }
        }
        assertThat(override).isNotNull();
        assertThat(override.path("from").asText()).isEqualTo("B");
        assertThat(override.path("to").asText()).isEqualTo("A");
        assertThat(find(timeline, "DECISION").path("to").asText()).isEqualTo("APPROVE");
        assertThat(find(timeline, "EMAIL").path("subject").asText()).isEqualTo("Your demo");

        JsonNode detail = api.get("/api/v1/contacts/" + contact, t).expect(200).json();
        assertThat(detail.path("campaigns").get(0).path("campaignName").asText())
                .isEqualTo("Spring fair");
        assertThat(detail.path("campaigns").get(0).path("score").asText()).isEqualTo("A");
    }

    private static JsonNode find(JsonNode timeline, String kind) {
        for (JsonNode e : timeline.path("data")) {
            if (e.path("kind").asText().equals(kind)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " in " + timeline);
    }

    @Test
    void notesNeedTextAndAnExistingContact() {
        Api api = api();
        Api.Session admin = api.signup();
        String contact = api.post("/api/v1/contacts", admin.accessToken(), Map.of("email", "nora@example.com"))
                .expect(200)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/contacts/" + contact + "/notes", admin.accessToken(), Map.of("text", "  "))
                .expectError(400, "VALIDATION_ERROR");
        api.post("/api/v1/contacts/" + contact + "/notes", admin.accessToken(), Map.of("text", "x".repeat(10_001)))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/contacts/" + java.util.UUID.randomUUID() + "/notes",
                        admin.accessToken(),
                        Map.of("text", "hi"))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/contacts/" + contact + "/timeline", admin.accessToken())
                        .expect(200)
                        .json()
                        .path("data"))
                .isEmpty();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.post("/api/v1/contacts/" + contact + "/notes", viewer.accessToken(), Map.of("text", "hi"))
                .expectError(403, "FORBIDDEN");
    }

    @Test
    void theContactListFiltersSortsAndPages() {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = api.post("/api/v1/campaigns", t, Map.of("name", "Filters"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        api.post("/api/v1/contacts", t, Map.of("email", "zed@example.com", "lastName", "Zed", "company", "Acme"))
                .expect(200);
        api.post(
                        "/api/v1/contacts",
                        t,
                        Map.of("email", "amy@example.com", "lastName", "Amy", "tags", List.of("vip"), "source", "fair"))
                .expect(200);
        api.post(
                        "/api/v1/leads",
                        t,
                        Map.of(
                                "campaignId",
                                campaign,
                                "contact",
                                Map.of("email", "bob@example.com", "lastName", "Bob")))
                .expect(201);
        assertThat(names(api.get("/api/v1/contacts?sort=name&order=asc", t)
                        .expect(200)
                        .json()))
                .containsExactly("Amy", "Bob", "Zed");
        assertThat(names(api.get("/api/v1/contacts?sort=name&order=desc", t)
                        .expect(200)
                        .json()))
                .containsExactly("Zed", "Bob", "Amy");
        assertThat(names(api.get("/api/v1/contacts?campaignId=" + campaign, t)
                        .expect(200)
                        .json()))
                .containsExactly("Bob");
        assertThat(names(api.get("/api/v1/contacts?leadStatus=NEW", t)
                        .expect(200)
                        .json()))
                .containsExactly("Bob");
        assertThat(names(api.get("/api/v1/contacts?tag=vip", t).expect(200).json()))
                .containsExactly("Amy");
        assertThat(names(api.get("/api/v1/contacts?source=fair", t).expect(200).json()))
                .containsExactly("Amy");
        assertThat(names(api.get("/api/v1/contacts?q=acme", t).expect(200).json()))
                .containsExactly("Zed");
        JsonNode page2 = api.get("/api/v1/contacts?sort=name&order=asc&limit=2&page=2", t)
                .expect(200)
                .json();
        assertThat(names(page2)).containsExactly("Zed");
        assertThat(page2.path("pagination").path("total").asInt()).isEqualTo(3);
        assertThat(page2.path("pagination").path("totalPages").asInt()).isEqualTo(2);
        api.get("/api/v1/contacts?sort=password", t).expectError(400, "VALIDATION_ERROR");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("data").forEach(c -> names.add(c.path("lastName").asText()));
        return names;
    }
}
