package ai.revo.missioncontrol.agents;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmTestAccess;
import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.LlmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The writers draw on the workspace's knowledge when a model writes (a fake OpenAI-compatible server stands in for
 * it): the prompt carries the top passages, each prefixed with its source and relevance, the LLM log records the
 * chunk ids each call was given, the draft keeps its sources and the approval inbox shows them to the reviewer.
 */
class KnowledgeGroundingLlmTest extends LlmIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String GUIDE = "Our on-site estimates for renovation contractors: an estimator visits the site, "
            + "measures every room and books the work the same day. Every on-site estimate includes a free "
            + "moisture scan of the basement, so contractors know about water damage before they quote.";

    @Autowired
    LlmGateway gateway;

    @BeforeEach
    void fresh() {
        SERVER.resetAll();
        LlmTestAccess.resetCircuit(gateway);
    }

    @Test
    void theDrafterCitesTheKnowledgeItWasGivenAndTheInboxShowsTheSources() throws Exception {
        FiveJobsLlmModeTest.cannedAnswers();
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String campaign = FiveJobs.prepare(api, admin);
        String source = upload(t, "estimates-guide.txt", GUIDE.getBytes(StandardCharsets.UTF_8));
        waitReady(api, t, source);

        List<JsonNode> runs = FiveJobs.runInOrder(api, admin);
        assertThat(runs.get(2).path("counts").path("draftsSubmitted").asInt()).isEqualTo(3);

        List<LoggedRequest> firstMessages = SERVER.findAll(
                postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("first message on the EMAIL channel")));
        assertThat(firstMessages).hasSize(3);
        String user = JSON.readTree(firstMessages.get(0).getBodyAsString())
                .path("messages")
                .get(1)
                .path("content")
                .asText();
        assertThat(user)
                .contains("[Source: estimates-guide.txt | Relevance: 0.")
                .contains("free moisture scan of the basement")
                .contains("Northwind Builders");
        List<LoggedRequest> posts = SERVER.findAll(
                postRequestedFor(urlEqualTo(PATH)).withRequestBody(containing("Write one LINKEDIN post")));
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).getBodyAsString()).contains("[Source: estimates-guide.txt | Relevance: 0.");

        String chunkId = api.get("/api/v1/knowledge/sources/" + source + "/chunks", t)
                .expect(200)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asText();
        JsonNode logs = api.get("/api/v1/logs/llm?promptKey=outreach_first_message", t)
                .expect(200)
                .json()
                .path("data");
        assertThat(logs).hasSize(3);
        for (JsonNode log : logs) {
            assertThat(texts(log.path("chunkIds"))).as(log.toString()).containsExactly(chunkId);
        }
        JsonNode brief = api.get("/api/v1/logs/llm?promptKey=daily_brief", t)
                .expect(200)
                .json()
                .path("data")
                .get(0);
        assertThat(brief.path("chunkIds")).as("the brief is given no knowledge").isEmpty();

        JsonNode inbox =
                api.get("/api/v1/approvals/inbox", t).expect(200).json().path("data");
        assertThat(inbox).hasSize(4);
        String emailDraft = null;
        for (JsonNode item : inbox) {
            JsonNode draft = item.path("draft");
            assertThat(draft.path("campaignId").asText()).isEqualTo(campaign);
            JsonNode sources = draft.path("sources");
            assertThat(sources).as(draft.toString()).hasSize(1);
            assertThat(sources.get(0).path("chunkId").asText()).isEqualTo(chunkId);
            assertThat(sources.get(0).path("sourceId").asText()).isEqualTo(source);
            assertThat(sources.get(0).path("sourceName").asText()).isEqualTo("estimates-guide.txt");
            assertThat(sources.get(0).path("score").asDouble()).isBetween(0.3, 1.0);
            assertThat(sources.get(0).path("snippet").asText()).startsWith("Our on-site estimates");
            if (draft.path("channel").asText().equals("EMAIL")) {
                emailDraft = draft.path("id").asText();
            }
        }

        var response = ai.revo.missioncontrol.support.PageClient.signIn(port, admin.email(), admin.password())
                .get("/approvals/" + emailDraft);
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page)
                .contains("data-testid=\"draft-sources\"")
                .contains("estimates-guide.txt")
                .contains("Our on-site estimates for renovation contractors")
                .contains("relevance 0.");
    }

    @Test
    void personaliseAndRewriteAddThePassagesAndSayWhichTheyUsed() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        String source = upload(t, "estimates-guide.txt", GUIDE.getBytes(StandardCharsets.UTF_8));
        waitReady(api, t, source);
        FiveJobsLlmModeTest.answerWhenBodyContains(
                "[Source: estimates-guide.txt",
                "{\"text\": \"Hi, every on-site estimate comes with a free moisture scan.\", \"confidence\": 0.9}");

        JsonNode s = helper(
                api,
                t,
                "/api/v1/ai/personalize",
                Map.of("text", "Hello, would an on-site estimate with a moisture scan help your crew?"));
        assertThat(s.path("text").asText()).contains("free moisture scan");
        assertThat(s.path("sources")).hasSize(1);
        assertThat(s.path("sources").get(0).path("sourceName").asText()).isEqualTo("estimates-guide.txt");
        String chunkId = s.path("sources").get(0).path("chunkId").asText();

        JsonNode r = api.post(
                        "/api/v1/ai/rewrite",
                        t,
                        Map.of(
                                "text",
                                "Book an on-site estimate: we scan the basement for moisture.",
                                "instruction",
                                "make it warmer"))
                .expect(200)
                .json();
        assertThat(r.path("sources").get(0).path("chunkId").asText()).isEqualTo(chunkId);
        for (String prompt : List.of("personalize", "rewrite")) {
            JsonNode log = api.get("/api/v1/logs/llm?promptKey=" + prompt, t)
                    .expect(200)
                    .json()
                    .path("data")
                    .get(0);
            assertThat(texts(log.path("chunkIds"))).as(prompt).containsExactly(chunkId);
        }
    }

    @Test
    void withoutKnowledgeThePromptIsAsBeforeAndTheLogRecordsNoPassage() throws Exception {
        Api api = api();
        Api.Session admin = api.signup();
        String t = admin.accessToken();
        FiveJobsLlmModeTest.answerWhenBodyContains("would a demo help", "{\"text\": \"Hi, would a demo help?\"}");
        JsonNode s = helper(api, t, "/api/v1/ai/personalize", Map.of("text", "Hello, would a demo help?"));
        assertThat(s.path("sources")).isEmpty();
        assertThat(SERVER.getAllServeEvents()).isNotEmpty();
        SERVER.getAllServeEvents()
                .forEach(e -> assertThat(e.getRequest().getBodyAsString())
                        .doesNotContain("[Source:")
                        .doesNotContain("What the business knows"));
        JsonNode log = api.get("/api/v1/logs/llm?promptKey=personalize", t)
                .expect(200)
                .json()
                .path("data")
                .get(0);
        assertThat(log.path("chunkIds")).isEmpty();
    }

    /**
     * An AI helper's answer; on a loaded machine the fake model can miss the short interactive deadline, so a
     * timed-out call (503, nothing written) is asked again.
     */
    private static JsonNode helper(Api api, String token, String path, Map<String, ?> body) {
        JsonNode[] answer = {null};
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Api.Response r = api.post(path, token, body);
                    if (r.status() == 503) {
                        return false;
                    }
                    answer[0] = r.expect(200).json();
                    return true;
                });
        return answer[0];
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    String upload(String token, String fileName, byte[] content) {
        return KnowledgeUploads.upload(port, token, fileName, content);
    }

    static void waitReady(Api api, String token, String id) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    String status = api.get("/api/v1/knowledge/sources/" + id, token)
                            .expect(200)
                            .json()
                            .path("status")
                            .asText();
                    assertThat(status).isNotEqualTo("FAILED");
                    return status.equals("READY");
                });
    }
}
