package ai.revo.missioncontrol.ai;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The LLM endpoint. A blank {@code baseUrl} means template mode: no model is called and every prompt's fallback
 * template produces the output.
 *
 * @param baseUrl     an OpenAI-compatible endpoint ending in {@code /v1} (OpenAI, Groq, Mistral, Ollama, vLLM, LM Studio)
 * @param apiKey      may be blank for local servers such as Ollama
 * @param timeout     per attempt
 * @param maxAttempts attempts per call, the first included, on 429, 5xx, timeouts and connection errors
 * @param backoff     the wait before the second attempt; doubled before each further one
 * @param interactiveDeadline everything a call made while a person waits on a page may take, retries and the
 *                    re-ask of a malformed JSON answer included; the call is cut off when it passes
 * @param callDeadline the same for background work (agent runs)
 */
@ConfigurationProperties(prefix = "mc.llm")
record LlmProperties(
        String baseUrl,
        String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("500ms") Duration backoff,
        @DefaultValue Circuit circuit,
        @DefaultValue("25s") Duration interactiveDeadline,
        @DefaultValue("3m") Duration callDeadline) {

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the circuit
     * @param minimumCalls         calls needed before the rate is judged
     * @param window               calls in the sliding window
     * @param openFor              how long the circuit stays open before trying again
     */
    record Circuit(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int minimumCalls,
            @DefaultValue("20") int window,
            @DefaultValue("30s") Duration openFor) {}

    LlmProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mc.llm.max-attempts must be at least 1");
        }
        if (interactiveDeadline.isNegative()
                || interactiveDeadline.isZero()
                || interactiveDeadline.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException(
                    "mc.llm.interactive-deadline must be above 0 and at most 30s (a person is waiting)");
        }
        if (callDeadline.isNegative() || callDeadline.isZero()) {
            throw new IllegalArgumentException("mc.llm.call-deadline must be above 0");
        }
    }

    boolean templateMode() {
        return baseUrl == null || baseUrl.isBlank();
    }
}
