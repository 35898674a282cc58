package ai.revo.missioncontrol.ai;

/**
 * An LLM call that failed after the gateway's own retries, with a readable message. {@link #retryable()} says whether
 * trying the same work later may succeed (endpoint down, slow, rate-limited, circuit open) or not (malformed answer
 * twice, unknown prompt).
 */
public class LlmException extends RuntimeException {

    public enum Kind {
        UNAVAILABLE,
        TIMEOUT,
        RATE_LIMITED,
        CIRCUIT_OPEN,
        MALFORMED,
        UNKNOWN_PROMPT,
        REJECTED
    }

    private final Kind kind;

    public LlmException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean retryable() {
        return kind == Kind.UNAVAILABLE
                || kind == Kind.TIMEOUT
                || kind == Kind.RATE_LIMITED
                || kind == Kind.CIRCUIT_OPEN;
    }
}
