package ai.revo.missioncontrol.agents;

import static org.assertj.core.api.Assertions.assertThat;

import ai.revo.missioncontrol.support.Api;
import ai.revo.missioncontrol.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No LLM configured: the chain still works, and everything it wrote says it came from the template. */
class FiveJobsTemplateModeTest extends IntegrationTest {

    @Test
    void theFiveJobsInOrderFillTheInboxAndWriteABriefFromTheTemplate() {
        Api api = api();
        Api.Session admin = api.signup();
        String campaign = FiveJobs.prepare(api, admin);
        List<JsonNode> runs = FiveJobs.runInOrder(api, admin);
        FiveJobs.assertTheChainWorked(api, admin, campaign, runs, "template");
        JsonNode calls = api.get("/api/v1/logs/llm?promptKey=outreach_first_message", admin.accessToken())
                .expect(200)
                .json()
                .path("data");
        assertThat(calls).hasSize(3);
        calls.forEach(c -> assertThat(c.path("model").asText()).isEqualTo("template"));
        // the agents' 24-hour figures count these runs
        JsonNode metrics =
                api.get("/api/v1/metrics/agents", admin.accessToken()).json().path("data");
        metrics.forEach(m -> {
            // the QA reviewer works inside the drafters' runs; the sales agent is no daily job
            if (!m.path("agent").asText().equals("qa_reviewer")
                    && !m.path("agent").asText().equals("sales_agent")) {
                assertThat(m.path("runs").asInt()).as(m.toString()).isEqualTo(1);
                assertThat(m.path("successRate").asDouble()).isEqualTo(1.0);
            }
        });
    }
}
