package ai.revo.missioncontrol.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactsAndLeadsApiTest extends IntegrationTest {

    private static String campaign(Api api, Api.Session s, String name) {
        return api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", name))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    @Test
    void theSamePersonArrivingAgainIsUpdatedNeverDuplicated() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode first = api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of(
                                "firstName",
                                "Jane",
                                "email",
                                "Jane.Doe@Example.com",
                                "phone",
                                "(416) 555-0142",
                                "tags",
                                List.of("web")))
                .expect(200)
                .json();
        assertThat(first.path("email").asText()).isEqualTo("jane.doe@example.com");
        assertThat(first.path("phone").asText()).isEqualTo("+14165550142");
        JsonNode byPhone = api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("phone", "+1 416 555 0142", "company", "Acme", "tags", List.of("call")))
                .expect(200)
                .json();
        assertThat(byPhone.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(byPhone.path("firstName").asText()).isEqualTo("Jane");
        assertThat(byPhone.path("company").asText()).isEqualTo("Acme");
        assertThat(byPhone.path("tags")).hasSize(2);
        JsonNode byEmail = api.post(
                        "/api/v1/contacts",
                        admin.accessToken(),
                        Map.of("email", "JANE.DOE@example.com", "lastName", "Doe"))
                .expect(200)
                .json();
        assertThat(byEmail.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(api.get("/api/v1/contacts", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        List<String> types = new ArrayList<>();
        api.get("/api/v1/events/feed?type=contact.&order=asc", admin.accessToken())
                .json()
                .path("data")
                .forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsExactly("contact.created", "contact.updated", "contact.updated");
    }

    @Test
    void invalidEmailOrPhoneIs400NamingTheField() {
        Api api = api();
        Api.Session admin = api.signup();
        assertThat(api.post("/api/v1/contacts", admin.accessToken(), Map.of("email", "not-an-email"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("\"field\":\"email\"");
        assertThat(api.post("/api/v1/contacts", admin.accessToken(), Map.of("phone", "12"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("\"field\":\"phone\"");
        String campaignId = campaign(api, admin, "Bad input");
        assertThat(api.post(
                                "/api/v1/leads",
                                admin.accessToken(),
                                Map.of("campaignId", campaignId, "contact", Map.of("email", "x@")))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("email");
        assertThat(api.get("/api/v1/contacts", admin.accessToken()).json().path("data"))
                .isEmpty();
    }

    @Test
    void leadsEnrolContactsInCampaignsOncePerCampaign() {
        Api api = api();
        Api.Session admin = api.signup();
        String spring = campaign(api, admin, "Spring");
        String fall = campaign(api, admin, "Fall");
        JsonNode lead = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                spring,
                                "contact",
                                Map.of("firstName", "Sam", "email", "sam@example.com", "company", "Bricks Ltd"),
                                "potentialValue",
                                12000,
                                "currency",
                                "cad"))
                .expect(201)
                .json();
        assertThat(lead.path("status").asText()).isEqualTo("NEW");
        assertThat(lead.path("contact").path("email").asText()).isEqualTo("sam@example.com");
        assertThat(lead.path("currency").asText()).isEqualTo("CAD");
        String contactId = lead.path("contactId").asText();
        JsonNode again = api.post(
                        "/api/v1/leads", admin.accessToken(), Map.of("campaignId", spring, "contactId", contactId))
                .expectError(409, "CONFLICT")
                .json();
        assertThat(again.path("error").path("details").path("leadId").asText())
                .isEqualTo(lead.path("id").asText());
        api.post("/api/v1/leads", admin.accessToken(), Map.of("campaignId", fall, "contactId", contactId))
                .expect(201);
        JsonNode contact = api.get("/api/v1/contacts/" + contactId, admin.accessToken())
                .expect(200)
                .json();
        assertThat(contact.path("campaigns")).hasSize(2);
        api.post("/api/v1/leads", admin.accessToken(), Map.of("contactId", contactId))
                .expectError(400, "VALIDATION_ERROR");
        api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", java.util.UUID.randomUUID().toString(), "contactId", contactId))
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void aLeadCannotJoinAnotherWorkspacesCampaign() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        String theirs = campaign(api, b, "Theirs");
        api.post(
                        "/api/v1/leads",
                        a.accessToken(),
                        Map.of("campaignId", theirs, "contact", Map.of("email", "sneaky@example.com")))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/contacts", a.accessToken()).json().path("data"))
                .isEmpty();
    }

    @Test
    void statusMovesFollowThePipelineAndRefusalsListTheAllowedMoves() {
        Api api = api();
        Api.Session admin = api.signup();
        String c = campaign(api, admin, "Pipeline");
        String id = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of("campaignId", c, "contact", Map.of("email", "p@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        JsonNode refused = api.patch("/api/v1/leads/" + id, admin.accessToken(), Map.of("status", "WON"))
                .expectError(409, "CONFLICT")
                .json();
        List<String> allowed = new ArrayList<>();
        refused.path("error").path("details").path("allowed").forEach(n -> allowed.add(n.asText()));
        assertThat(allowed).containsExactlyInAnyOrder("ENRICHED", "DRAFTED", "LOST", "SNOOZED", "DND");
        for (String next :
                List.of("ENRICHED", "DRAFTED", "APPROVED", "CONTACTED", "REPLIED", "INTERESTED", "BOOKED", "WON")) {
            api.patch("/api/v1/leads/" + id, admin.accessToken(), Map.of("status", next))
                    .expect(200);
        }
        JsonNode won = api.get("/api/v1/leads/" + id, admin.accessToken()).json();
        assertThat(won.path("status").asText()).isEqualTo("WON");
        assertThat(won.path("lastContactedAt").isNull()).isFalse();
        api.patch("/api/v1/leads/" + id, admin.accessToken(), Map.of("status", "LOST"))
                .expectError(409, "CONFLICT");
        api.patch("/api/v1/leads/" + id, admin.accessToken(), Map.of("status", "MAYBE"))
                .expectError(400, "VALIDATION_ERROR");
        assertThat(api.get("/api/v1/events/feed?type=lead.status_changed", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(8);
    }

    @Test
    void scoreOverrideIsAdminOnlyNeedsAReasonAndNullClearsIt() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        String c = campaign(api, admin, "Scores");
        String id = api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                c,
                                "score",
                                "C",
                                "scoreReason",
                                "small company",
                                "contact",
                                Map.of("email", "s@example.com")))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String path = "/api/v1/leads/" + id + "/score-override";
        api.post(path, operator.accessToken(), Map.of("score", "A", "reason", "Met them"))
                .expectError(403, "FORBIDDEN");
        assertThat(api.post(path, admin.accessToken(), Map.of("score", "A"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("reason");
        JsonNode overridden = api.post(path, admin.accessToken(), Map.of("score", "A", "reason", "Met them at a fair"))
                .expect(200)
                .json();
        assertThat(overridden.path("effectiveScore").asText()).isEqualTo("A");
        assertThat(overridden.path("score").asText()).isEqualTo("C");
        assertThat(api.get("/api/v1/leads?score=A", admin.accessToken()).json().path("data"))
                .hasSize(1);
        JsonNode event = api.get("/api/v1/events/feed?type=lead.score.overridden", admin.accessToken())
                .json()
                .path("data")
                .get(0);
        assertThat(event.path("payload").path("old").asText()).isEqualTo("C");
        assertThat(event.path("payload").path("new").asText()).isEqualTo("A");
        assertThat(api.get("/api/v1/audit?action=lead.score.overridden", admin.accessToken())
                        .json()
                        .path("data"))
                .hasSize(1);
        Map<String, Object> clear = new HashMap<>();
        clear.put("score", null);
        JsonNode cleared =
                api.post(path, admin.accessToken(), clear).expect(200).json();
        assertThat(cleared.path("effectiveScore").asText()).isEqualTo("C");
        assertThat(cleared.path("scoreOverride").isNull()).isTrue();
        api.post(path, admin.accessToken(), Map.of("score", "Z", "reason", "x")).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void pipelineCountsLeadsAndValuePerStatus() {
        Api api = api();
        Api.Session admin = api.signup();
        String c = campaign(api, admin, "Kanban");
        for (int i = 0; i < 3; i++) {
            api.post(
                            "/api/v1/leads",
                            admin.accessToken(),
                            Map.of(
                                    "campaignId",
                                    c,
                                    "potentialValue",
                                    1000 + i,
                                    "currency",
                                    "CAD",
                                    "contact",
                                    Map.of("email", "k" + i + "@example.com")))
                    .expect(201);
        }
        String moved = api.get("/api/v1/leads?campaignId=" + c + "&sort=potentialValue&order=desc", admin.accessToken())
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        api.patch("/api/v1/leads/" + moved, admin.accessToken(), Map.of("status", "ENRICHED"))
                .expect(200);
        JsonNode columns = api.get("/api/v1/leads/pipeline?campaignId=" + c, admin.accessToken())
                .expect(200)
                .json()
                .path("columns");
        assertThat(columns).hasSize(12);
        assertThat(columns.get(0).path("status").asText()).isEqualTo("NEW");
        assertThat(columns.get(0).path("count").asLong()).isEqualTo(2);
        assertThat(columns.get(0).path("potentialValue").path("CAD").decimalValue())
                .isEqualByComparingTo("2001");
        assertThat(columns.get(1).path("count").asLong()).isEqualTo(1);
        assertThat(columns.get(1).path("potentialValue").path("CAD").decimalValue())
                .isEqualByComparingTo("1002");
    }

    @Test
    void leadListSearchesNameEmailAndCompany() {
        Api api = api();
        Api.Session admin = api.signup();
        String c = campaign(api, admin, "Search");
        api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                c,
                                "contact",
                                Map.of("firstName", "Olga", "email", "olga@north.example", "company", "Northwind")))
                .expect(201);
        api.post(
                        "/api/v1/leads",
                        admin.accessToken(),
                        Map.of(
                                "campaignId",
                                c,
                                "contact",
                                Map.of("firstName", "Paul", "email", "paul@south.example", "company", "Southwind")))
                .expect(201);
        assertThat(api.get("/api/v1/leads?q=northw", admin.accessToken()).json().path("data"))
                .hasSize(1);
        assertThat(api.get("/api/v1/leads?q=PAUL", admin.accessToken()).json().path("data"))
                .hasSize(1);
        assertThat(api.get("/api/v1/leads?q=wind", admin.accessToken()).json().path("data"))
                .hasSize(2);
        api.get("/api/v1/leads?sort=secret", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
        api.patch(
                        "/api/v1/leads/"
                                + api.get("/api/v1/leads", admin.accessToken())
                                        .json()
                                        .path("data")
                                        .get(0)
                                        .path("id")
                                        .asText(),
                        admin.accessToken(),
                        Map.of("sentiment", 2))
                .expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void viewersCannotWriteContactsOrLeads() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.post("/api/v1/contacts", viewer.accessToken(), Map.of("email", "v@example.com"))
                .expectError(403, "FORBIDDEN");
        api.post("/api/v1/leads", viewer.accessToken(), Map.of("campaignId", campaign(api, admin, "V")))
                .expectError(403, "FORBIDDEN");
        api.get("/api/v1/leads", viewer.accessToken()).expect(200);
        api.get("/api/v1/leads/pipeline", viewer.accessToken()).expect(200);
    }
}
