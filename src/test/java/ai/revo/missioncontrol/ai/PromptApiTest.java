package ai.revo.missioncontrol.ai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prompts as versioned data, per workspace, through the API (the shared context is in template mode). */
class PromptApiTest extends IntegrationTest {

    static final List<String> SHIPPED = List.of(
            "conversation_reengagement",
            "conversation_reply",
            "conversation_reply_sms",
            "daily_brief",
            "outreach_first_message",
            "personalize",
            "rewrite",
            "social_post");

    @Test
    void aNewWorkspaceHasVersionOneOfEveryShippedPrompt() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode list =
                api.get("/api/v1/prompts", admin.accessToken()).expect(200).json();
        List<String> keys = new ArrayList<>();
        list.path("data").forEach(p -> {
            keys.add(p.path("key").asText());
            assertThat(p.path("activeVersion").asInt()).isEqualTo(1);
            assertThat(p.path("versions").asInt()).isEqualTo(1);
        });
        assertThat(keys).containsExactlyElementsOf(SHIPPED);
        assertThat(list.path("pagination").path("total").asInt()).isEqualTo(SHIPPED.size());

        JsonNode outreach = api.get("/api/v1/prompts/outreach_first_message", admin.accessToken())
                .expect(200)
                .json();
        assertThat(outreach.path("json").asBoolean()).isTrue();
        assertThat(outreach.path("active").path("version").asInt()).isEqualTo(1);
        assertThat(outreach.path("active")
                        .path("outputSchema")
                        .path("properties")
                        .has("body"))
                .isTrue();
        assertThat(outreach.path("active").path("systemTemplate").asText()).contains("{{campaign.systemPrompt");
        List<String> variables = new ArrayList<>();
        outreach.path("variables").forEach(v -> variables.add(v.asText()));
        assertThat(variables)
                .contains("lead.firstName", "lead.company", "campaign.agentName", "channel", "score", "sender.name");
        assertThat(api.get("/api/v1/prompts/daily_brief", admin.accessToken())
                        .json()
                        .path("json")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void patchCreatesTheNextActiveVersionAndActivateRollsBackBothAudited() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode v2 = api.patch(
                        "/api/v1/prompts/rewrite",
                        admin.accessToken(),
                        Map.of("template", "Rewrite: {{instruction}}\n{{text}}", "notes", "Shorter"))
                .expect(200)
                .json();
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("active").asBoolean()).isTrue();
        assertThat(v2.path("notes").asText()).isEqualTo("Shorter");
        assertThat(v2.path("createdBy").asText()).isEqualTo(admin.email());
        assertThat(v2.path("fallbackTemplate").asText()).contains("{{text}}"); // copied from v1

        JsonNode detail = api.get("/api/v1/prompts/rewrite", admin.accessToken())
                .expect(200)
                .json();
        assertThat(detail.path("active").path("version").asInt()).isEqualTo(2);
        assertThat(detail.path("versions")).hasSize(2);
        assertThat(detail.path("versions").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(detail.path("versions").get(1).path("active").asBoolean()).isFalse();

        JsonNode diff = api.get("/api/v1/prompts/rewrite/diff?from=1&to=2", admin.accessToken())
                .expect(200)
                .json();
        List<String> changed = new ArrayList<>();
        diff.path("lines").forEach(l -> {
            if (!l.path("op").asText().equals(" ")) {
                changed.add(l.path("op").asText() + l.path("text").asText());
            }
        });
        assertThat(changed)
                .contains("+Rewrite: {{instruction}}", "-Rewrite the message below. Instruction: {{instruction}}");
        assertThat(diff.path("lines").toString()).contains("## Template");

        JsonNode back = api.post("/api/v1/prompts/rewrite/activate", admin.accessToken(), Map.of("version", 1))
                .expect(200)
                .json();
        assertThat(back.path("version").asInt()).isEqualTo(1);
        assertThat(back.path("active").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/prompts/rewrite", admin.accessToken())
                        .json()
                        .path("active")
                        .path("version")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/prompts", admin.accessToken())
                        .json()
                        .path("data")
                        .get(3)
                        .path("activeVersion")
                        .asInt())
                .isEqualTo(1);

        JsonNode audit = api.get("/api/v1/audit?action=prompt.", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).path("action").asText()).isEqualTo("prompt.activated");
        assertThat(audit.get(0).path("before").path("activeVersion").asInt()).isEqualTo(2);
        assertThat(audit.get(0).path("after").path("activeVersion").asInt()).isEqualTo(1);
        assertThat(audit.get(1).path("action").asText()).isEqualTo("prompt.updated");
        assertThat(audit.get(1).path("after").path("template").asText())
                .isEqualTo("Rewrite: {{instruction}}\n{{text}}");
        assertThat(audit.get(1).path("actor").path("name").asText()).isEqualTo(admin.email());
    }

    @Test
    void onlyAdminsChangePrompts() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        Api.Session viewer = api.addUser(admin, "VIEWER");
        api.get("/api/v1/prompts/rewrite", operator.accessToken()).expect(200);
        api.get("/api/v1/prompts", viewer.accessToken()).expect(200);
        api.patch("/api/v1/prompts/rewrite", operator.accessToken(), Map.of("template", "x {{text}}"))
                .expectError(403, "FORBIDDEN");
        api.patch("/api/v1/prompts/rewrite", viewer.accessToken(), Map.of("template", "x {{text}}"))
                .expectError(403, "FORBIDDEN");
        api.post("/api/v1/prompts/rewrite/activate", operator.accessToken(), Map.of("version", 1))
                .expectError(403, "FORBIDDEN");
        assertThat(api.get("/api/v1/prompts/rewrite", admin.accessToken())
                        .json()
                        .path("versions"))
                .hasSize(1);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api api = api();
        Api.Session admin = api.signup();
        String token = admin.accessToken();
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of())
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("template");
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of("template", "  "))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("template");
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of("template", "x".repeat(20_001)))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("template");
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of("fallbackTemplate", "not json {{text}}"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("fallbackTemplate");
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of("outputSchema", Map.of("type", "array")))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("outputSchema");
        assertThat(api.patch("/api/v1/prompts/rewrite", token, Map.of("template", "x", "colour", "red"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("colour");
        assertThat(api.post("/api/v1/prompts/rewrite/activate", token, Map.of())
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("version");
        assertThat(api.get("/api/v1/prompts/rewrite/diff?from=1", token)
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("to");
        api.post("/api/v1/prompts/rewrite/activate", token, Map.of("version", 9))
                .expectError(404, "NOT_FOUND");
        api.get("/api/v1/prompts/rewrite/diff?from=1&to=7", token).expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/prompts/rewrite", token).json().path("versions"))
                .hasSize(1);
    }

    @Test
    void unknownKeysAnswer404() {
        Api api = api();
        Api.Session admin = api.signup();
        api.get("/api/v1/prompts/no_such_prompt", admin.accessToken()).expectError(404, "NOT_FOUND");
        api.patch("/api/v1/prompts/no_such_prompt", admin.accessToken(), Map.of("template", "x"))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/prompts/no_such_prompt/activate", admin.accessToken(), Map.of("version", 1))
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void anotherWorkspaceNeverSeesYourVersions() {
        Api api = api();
        Api.Session mine = api.signup();
        Api.Session theirs = api.signup();
        api.patch("/api/v1/prompts/social_post", mine.accessToken(), Map.of("template", "Mine only {{channel}}"))
                .expect(200);
        JsonNode other = api.get("/api/v1/prompts/social_post", theirs.accessToken())
                .expect(200)
                .json();
        assertThat(other.path("versions")).hasSize(1);
        assertThat(other.toString()).doesNotContain("Mine only");
        api.get("/api/v1/prompts/social_post/diff?from=1&to=2", theirs.accessToken())
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/prompts/social_post/activate", theirs.accessToken(), Map.of("version", 2))
                .expectError(404, "NOT_FOUND");
        assertThat(api.get("/api/v1/prompts/social_post", mine.accessToken())
                        .json()
                        .path("active")
                        .path("version")
                        .asInt())
                .isEqualTo(2);
    }
}
