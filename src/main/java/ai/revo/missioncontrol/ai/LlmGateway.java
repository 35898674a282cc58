package ai.revo.missioncontrol.ai;

import java.util.Map;

import org.springframework.stereotype.Service;

import ai.revo.missioncontrol.identity.TenantId;

/**
 * The one way any module talks to a language model. CONTRACT STUB: the ai module's implementation replaces the
 * bodies; the signatures are fixed.
 */
@Service
public class LlmGateway {

    /**
     * Renders the active version of {@code promptKey} with {@code variables} (nested maps allowed:
     * {@code campaign.agentName}), calls the configured model or, in template mode, renders the prompt's fallback
     * template, logs the call in {@code llm_logs}, and answers the result. Must not be called inside a database
     * transaction. Throws {@link LlmException} when the call fails after retries.
     */
    public LlmResult generate(TenantId tenant, String promptKey, Map<String, ?> variables, LlmContext context) {
        throw new UnsupportedOperationException("contract stub");
    }

    public LlmMode mode() {
        throw new UnsupportedOperationException("contract stub");
    }
}
