package ai.revo.missioncontrol.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.revo.missioncontrol.outbound.RecordingAdapters;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application in LLM mode against a fake OpenAI-compatible server (WireMock) started once per JVM; every LLM-mode
 * test class extends this, so they share one Spring context. It has its own database (not the one of
 * {@link IntegrationTest}): the cluster scheduler of every cached context polls its database, and a template-mode
 * context must never pick up and perform the runs this context queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(RecordingAdapters.class)
public abstract class LlmIntegrationTest {

    protected static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());
    protected static final String PATH = "/v1/chat/completions";
    private static final TestDatabase.Endpoint DATABASE = TestDatabase.createDatabase();

    static {
        SERVER.start();
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void llm(DynamicPropertyRegistry registry) {
        IntegrationTest.applicationProperties(registry, DATABASE);
        registry.add("mc.outbound.smtp.enabled", () -> "false"); // RecordingAdapters stands in for EMAIL
        registry.add("mc.outbound.whatsapp.enabled", () -> "false"); // and for WHATSAPP
        registry.add("mc.outbound.sms.enabled", () -> "false"); // and for SMS
        registry.add("mc.llm.base-url", () -> SERVER.baseUrl() + "/v1");
        registry.add("mc.llm.api-key", () -> "test-key");
        registry.add("mc.llm.model", () -> "test-model");
        registry.add("mc.llm.timeout", () -> "1s");
        registry.add("mc.llm.max-attempts", () -> "3");
        registry.add("mc.llm.backoff", () -> "10ms");
        registry.add("mc.llm.interactive-deadline", () -> "1500ms");
        registry.add("mc.llm.circuit.minimum-calls", () -> "6");
        registry.add("mc.llm.circuit.window", () -> "6");
        registry.add("mc.llm.circuit.open-for", () -> "60s");
        registry.add("mc.agents.retry-backoff", () -> "1s");
        registry.add("mc.agents.retry-max-backoff", () -> "2s");
    }

    protected Api api() {
        return new Api("http://127.0.0.1:" + port);
    }
}
