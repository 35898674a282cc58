package ai.revo.missioncontrol.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The application in LLM mode against a fake OpenAI-compatible server (WireMock) started once per JVM; every LLM-mode
 * test class extends this, so they share one Spring context.
 */
public abstract class LlmIntegrationTest extends IntegrationTest {

    protected static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    protected static final String PATH = "/v1/chat/completions";

    /**
     * Its own database: the cluster scheduler of every cached test context polls its database, and a template-mode
     * context must never pick up (and perform) the runs this LLM-mode context queues.
     */
    private static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();

    static {
        SERVER.start();
    }

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::url);
        registry.add("spring.datasource.username", DATABASE::username);
        registry.add("spring.datasource.password", DATABASE::password);
        registry.add("mc.llm.base-url", () -> SERVER.baseUrl() + "/v1");
        registry.add("mc.llm.api-key", () -> "test-key");
        registry.add("mc.llm.model", () -> "test-model");
        registry.add("mc.llm.timeout", () -> "1s");
        registry.add("mc.llm.max-attempts", () -> "3");
        registry.add("mc.llm.backoff", () -> "10ms");
        registry.add("mc.llm.circuit.minimum-calls", () -> "6");
        registry.add("mc.llm.circuit.window", () -> "6");
        registry.add("mc.llm.circuit.open-for", () -> "60s");
        registry.add("mc.agents.retry-backoff", () -> "1s");
        registry.add("mc.agents.retry-max-backoff", () -> "2s");
    }
}
