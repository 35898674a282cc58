package ai.revo.missioncontrol.ai;

/**
 * Which mode the gateway is in, for the dashboard: {@code templateMode} when no LLM is configured; otherwise the
 * model, the endpoint and the circuit breaker's state (CLOSED, OPEN, HALF_OPEN).
 */
public record LlmMode(boolean templateMode, String model, String baseUrl, String circuitState) {}
