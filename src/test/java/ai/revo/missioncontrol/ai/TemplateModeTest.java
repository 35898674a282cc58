package ai.revo.missioncontrol.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With no LLM configured (the shared test context), prompts' fallback templates produce the output, logged as such. */
class TemplateModeTest extends IntegrationTest {

    @Autowired
    LlmGateway gateway;

    static Map<String, Object> outreachVariables(String channel) {
        return Map.of(
                "lead",
                Map.of(
                        "firstName",
                        "Ada",
                        "lastName",
                        "Lovelace",
                        "company",
                        "Analytical Engines",
                        "jobTitle",
                        "Head of Research",
                        "industry",
                        "computing"),
                "campaign",
                Map.of(
                        "name",
                        "Spring launch",
                        "objective",
                        "Book demos",
                        "agentName",
                        "Sam",
                        "systemPrompt",
                        "You are Sam, a friendly assistant of Revo.",
                        "bookingLink",
                        "https://cal.example/sam"),
                "channel",
                channel,
                "score",
                "A",
                "scoreReason",
                "fits the ideal customer",
                "sender",
                Map.of("name", "Sam Smith"));
    }

    @Test
    void statusSaysTemplateModePlainly() {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode status =
                api.get("/api/v1/ai/status", admin.accessToken()).expect(200).json();
        assertThat(status.path("templateMode").asBoolean()).isTrue();
        assertThat(status.path("model").asText()).isEqualTo("template");
        assertThat(gateway.mode().templateMode()).isTrue();
    }

    @Test
    void theFallbackTemplateProducesAnEmailAndTheCallIsLoggedAsTemplate() {
        Api api = api();
        Api.Session admin = api.signup();
        TenantId tenant = TenantId.of(admin.tenantId());
        UUID run = UUID.randomUUID();
        LlmResult r = gateway.generate(
                tenant, "outreach_first_message", outreachVariables("EMAIL"), new LlmContext(run, "lead", "lead-1"));
        assertThat(r.fromTemplate()).isTrue();
        assertThat(r.model()).isEqualTo("template");
        assertThat(r.promptKey()).isEqualTo("outreach_first_message");
        assertThat(r.promptVersion()).isEqualTo(1);
        assertThat(r.promptHash()).matches("[0-9a-f]{64}");
        assertThat(r.inputTokens()).isNull();
        assertThat(r.confidence()).as("a template has no confidence of its own").isNull();
        assertThat(r.json()).doesNotContainKey("confidence");
        assertThat(r.templateApprovedForAutomaticUse()).isFalse();
        assertThat(r.field("subject")).isEqualTo("A quick idea for Analytical Engines");
        assertThat(r.field("body"))
                .startsWith("Hi Ada,\n\nI'm reaching out because we work with teams like "
                        + "Analytical Engines in computing")
                .contains("useful to you as Head of Research.")
                .contains("You can pick a time that suits you here: https://cal.example/sam")
                .endsWith("Best regards,\nSam")
                .doesNotContain("{{");
        assertThat(r.text()).contains("\"body\"");

        JsonNode logs = api.get("/api/v1/logs/llm?runId=" + run, admin.accessToken())
                .expect(200)
                .json();
        assertThat(logs.path("data")).hasSize(1);
        JsonNode row = logs.path("data").get(0);
        assertThat(row.path("model").asText()).isEqualTo("template");
        assertThat(row.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(row.path("promptKey").asText()).isEqualTo("outreach_first_message");
        assertThat(row.path("promptVersion").asInt()).isEqualTo(1);
        assertThat(row.path("promptHash").asText()).isEqualTo(r.promptHash());
        assertThat(row.path("entityType").asText()).isEqualTo("lead");
        assertThat(row.path("inputTokens").isNull()).isTrue();
    }

    @Test
    void aWhatsAppMessageHasNoSubjectAndMissingFieldsReadNaturally() {
        Api api = api();
        Api.Session admin = api.signup();
        LlmResult r = gateway.generate(
                TenantId.of(admin.tenantId()),
                "outreach_first_message",
                Map.of("channel", "WHATSAPP", "sender", Map.of("name", "Sam Smith")),
                LlmContext.none());
        assertThat(r.json()).doesNotContainKey("subject");
        assertThat(r.field("body"))
                .isEqualTo("Hi there,\n\nI'm reaching out because we work with teams like yours, "
                        + "and I thought our work could be useful to you.\n\nWould you be open to a short conversation?"
                        + "\n\nBest regards,\nSam Smith");
    }

    @Test
    void theDailyBriefRendersListsAndFigures() {
        Api api = api();
        Api.Session admin = api.signup();
        LlmResult r = gateway.generate(
                TenantId.of(admin.tenantId()),
                "daily_brief",
                Map.of(
                        "workspace",
                        "Acme",
                        "date",
                        "2025-05-01",
                        "wins",
                        List.of("3 demos booked", "1 deal won"),
                        "blockers",
                        List.of(),
                        "nextMoves",
                        List.of("Follow up with Ada"),
                        "figures",
                        Map.of("drafts", 12)),
                LlmContext.none());
        assertThat(r.json()).isNull();
        assertThat(r.confidence()).isNull();
        assertThat(r.text())
                .isEqualTo(
                        "Daily brief for Acme, 2025-05-01\n\nWins:\n- 3 demos booked\n- 1 deal won\n\n"
                                + "Blockers:\n- Nothing is blocked.\n\nNext moves:\n- Follow up with Ada\n\nFigures: drafts: 12");
    }

    @Test
    void anUnknownPromptFailsReadablyAndIsLogged() {
        Api api = api();
        Api.Session admin = api.signup();
        assertThatThrownBy(() ->
                        gateway.generate(TenantId.of(admin.tenantId()), "no_such_prompt", Map.of(), LlmContext.none()))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.UNKNOWN_PROMPT);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("no_such_prompt");
                });
        JsonNode row = api.get("/api/v1/logs/llm?outcome=FAILED", admin.accessToken())
                .expect(200)
                .json()
                .path("data")
                .get(0);
        assertThat(row.path("errorKind").asText()).isEqualTo("UNKNOWN_PROMPT");
        assertThat(row.path("promptKey").asText()).isEqualTo("no_such_prompt");
        api.get("/api/v1/logs/llm?outcome=MAYBE", admin.accessToken()).expectError(400, "VALIDATION_ERROR");
    }

    @Test
    void helpersMakeRealRuleBasedEditsOrSayTheyNeedAModel() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session operator = api.addUser(admin, "OPERATOR");
        // nothing to personalise for nobody in particular: refused, never an unchanged text
        JsonNode unchanged = api.post(
                        "/api/v1/ai/personalize",
                        operator.accessToken(),
                        Map.of("text", "Hello, would a demo help?", "tone", "warm"))
                .expectError(422, "NEEDS_LANGUAGE_MODEL")
                .json();
        assertThat(unchanged.path("error").path("message").asText()).contains("needs a language model");

        JsonNode rw = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of("text", "Our product is good.", "instruction", "Make it friendlier"))
                .expectError(422, "NEEDS_LANGUAGE_MODEL")
                .json();
        assertThat(rw.path("error").path("message").asText()).contains("Make it friendlier", "shorter");

        String letter = "Hello,\n\nI hope this email finds you well. We build scheduling software. It books crews."
                + " It sends reminders. It tracks hours.\n\nA second paragraph about pricing.\n\nWould a demo help?";
        JsonNode shorter = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of("text", letter, "instruction", "Make it shorter"))
                .expect(200)
                .json();
        assertThat(shorter.path("model").asText()).isEqualTo("rules");
        assertThat(shorter.path("confidence").isNull()).isTrue();
        assertThat(shorter.path("text").asText())
                .isNotEqualTo(letter)
                .doesNotContain("finds you well")
                .contains("We build scheduling software. It tracks hours.")
                .doesNotContain("It books crews")
                .endsWith("Would a demo help?");
        assertThat(shorter.path("changes").toString()).contains("shorter");

        JsonNode removed = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of("text", letter, "instruction", "Remove the third paragraph"))
                .expect(200)
                .json();
        assertThat(removed.path("text").asText()).doesNotContain("pricing").contains("Would a demo help?");
        api.post("/api/v1/ai/rewrite", admin.accessToken(), Map.of("text", letter, "instruction", "remove paragraph 9"))
                .expectError(400, "VALIDATION_ERROR");

        JsonNode formal = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of("text", "Hey Ada,\n\nWould a demo help?", "instruction", "Use a formal greeting"))
                .expect(200)
                .json();
        assertThat(formal.path("text").asText()).isEqualTo("Dear Ada,\n\nWould a demo help?");

        JsonNode score = api.post(
                        "/api/v1/ai/score",
                        operator.accessToken(),
                        Map.of("text", "URGENT!!! Click here for a FREE GIFT"))
                .expect(200)
                .json();
        assertThat(score.path("spamRisk").asDouble()).isGreaterThan(0.5);
        assertThat(score.path("method").asText()).isEqualTo("heuristic");
        assertThat(score.path("rules").toString()).contains("not a model's prediction");
        assertThat(score.path("signals").toString()).contains("spam phrase: click here");
        assertThat(score.path("inputHash").asText()).matches("[0-9a-f]{64}");

        // rule-made edits and scores call no model, and log none
        assertThat(api.get("/api/v1/logs/llm", admin.accessToken())
                        .json()
                        .path("pagination")
                        .path("total")
                        .asInt())
                .isZero();
    }

    @Test
    void helpersRefuseBadInputAndUnknownIds() {
        Api api = api();
        Api.Session admin = api.signup();
        String token = admin.accessToken();
        assertThat(api.post("/api/v1/ai/personalize", token, Map.of("tone", "warm"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("text");
        assertThat(api.post("/api/v1/ai/rewrite", token, Map.of("text", "x"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("instruction");
        assertThat(api.post("/api/v1/ai/score", token, Map.of("text", "x".repeat(20_001)))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("text");
        api.post("/api/v1/ai/personalize", token, Map.of("draftId", UUID.randomUUID()))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/ai/personalize", token, Map.of("leadId", UUID.randomUUID(), "text", "Hi"))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/ai/rewrite", token, Map.of("draftId", UUID.randomUUID(), "instruction", "x"))
                .expectError(404, "NOT_FOUND");
        api.post("/api/v1/ai/score", token, Map.of("draftId", UUID.randomUUID()))
                .expectError(404, "NOT_FOUND");
    }

    @Test
    void helpersAreForOperatorsAndAdmins() {
        Api api = api();
        Api.Session admin = api.signup();
        Api.Session viewer = api.addUser(admin, "VIEWER");
        Api.Session closer = api.addUser(admin, "CLOSER");
        api.post("/api/v1/ai/score", viewer.accessToken(), Map.of("text", "Hi")).expectError(403, "FORBIDDEN");
        api.post("/api/v1/ai/score", closer.accessToken(), Map.of("text", "Hi")).expectError(403, "FORBIDDEN");
        api.get("/api/v1/ai/status", viewer.accessToken()).expect(200);
        api.get("/api/v1/logs/llm", viewer.accessToken()).expect(200);
    }

    @Test
    void feedbackIsAcceptedAndStoredInTheBackground() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        JsonNode s = api.post(
                        "/api/v1/ai/rewrite",
                        admin.accessToken(),
                        Map.of(
                                "text",
                                "I hope you are well. Our product is good. It is fast. It is cheap.",
                                "instruction",
                                "Shorter"))
                .expect(200)
                .json();
        api.post(
                        "/api/v1/ai/feedback",
                        admin.accessToken(),
                        Map.of(
                                "suggestionId",
                                s.path("id").asText(),
                                "inputHash",
                                s.path("inputHash").asText(),
                                "outcome",
                                "EDITED",
                                "comment",
                                "too stiff"))
                .expect(202);
        assertThat(api.post(
                                "/api/v1/ai/feedback",
                                admin.accessToken(),
                                Map.of(
                                        "suggestionId",
                                        s.path("id").asText(),
                                        "inputHash",
                                        s.path("inputHash").asText(),
                                        "outcome",
                                        "MAYBE"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("outcome");
        assertThat(api.post(
                                "/api/v1/ai/feedback",
                                admin.accessToken(),
                                Map.of("inputHash", "abc", "outcome", "ACCEPTED"))
                        .expectError(400, "VALIDATION_ERROR")
                        .body())
                .contains("suggestionId");
        // the feedback is stored in the background: wait for its audit entry (the positive signal), then check it
        // is the only one (the two refused ones left nothing)
        JsonNode audit = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/v1/audit?action=ai.feedback", admin.accessToken())
                                .json()
                                .path("data"),
                        a -> !a.isEmpty());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("after").path("outcome").asText()).isEqualTo("EDITED");
        assertThat(audit.get(0).path("entityId").asText())
                .isEqualTo(s.path("id").asText());
    }
}
