package ai.revo.missioncontrol.ai;

/**
 * Which mode the gateway is in, for the dashboard: {@code templateMode} when no LLM is configured; otherwise the
 * model and the circuit breaker's state (CLOSED, OPEN, HALF_OPEN). {@code baseUrl} is always null here: the
 * endpoint's address is an installation setting that only the operator console shows (kept for API compatibility).
 */
public record LlmMode(boolean templateMode, String model, String baseUrl, String circuitState) {}
