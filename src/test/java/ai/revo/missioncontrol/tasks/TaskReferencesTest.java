package ai.revo.missioncontrol.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A task refuses references to another workspace's campaign, lead or draft: 404, as everywhere else. */
class TaskReferencesTest extends IntegrationTest {

    record Records(String campaign, String lead, String draft) {}

    private Records records(Api api, Api.Session s) {
        String campaign = api.post("/api/v1/campaigns", s.accessToken(), Map.of("name", "Refs"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String lead = api.post(
                        "/api/v1/leads",
                        s.accessToken(),
                        Map.of("campaignId", campaign, "contact", Map.of("email", Api.uniqueEmail("ref"))))
                .expect(201)
                .json()
                .path("id")
                .asText();
        String draft = api.post(
                        "/api/v1/drafts",
                        s.accessToken(),
                        Map.of("campaignId", campaign, "channel", "SMS", "bodyText", "Hi"))
                .expect(201)
                .json()
                .path("id")
                .asText();
        return new Records(campaign, lead, draft);
    }

    @Test
    void aTaskCannotPointAtAnotherWorkspacesRecords() {
        Api api = api();
        Api.Session a = api.signup();
        Api.Session b = api.signup();
        Records mine = records(api, a);
        Records theirs = records(api, b);
        for (Map<String, Object> refs : java.util.List.<Map<String, Object>>of(
                Map.of("draftId", theirs.draft()),
                Map.of("leadId", theirs.lead()),
                Map.of("campaignId", theirs.campaign()))) {
            Map<String, Object> body = new java.util.HashMap<>(refs);
            body.put("title", "Probe");
            api.post("/api/v1/tasks", a.accessToken(), body).expectError(404, "NOT_FOUND");
        }
        assertThat(api.get("/api/v1/tasks", a.accessToken()).json().path("data").toString())
                .doesNotContain(theirs.draft())
                .doesNotContain(theirs.lead());
        api.post(
                        "/api/v1/tasks",
                        a.accessToken(),
                        Map.of(
                                "title", "Mine",
                                "draftId", mine.draft(),
                                "leadId", mine.lead(),
                                "campaignId", mine.campaign()))
                .expect(201);
    }
}
