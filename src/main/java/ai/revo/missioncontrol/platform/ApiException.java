package ai.revo.missioncontrol.platform;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client can act on. It is answered in the API error shape with its code and status; the message is
 * shown to the user, so it must not contain internals.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final transient Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, ?> details) {
        super(message);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return code.status();
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found", Map.of("id", String.valueOf(id)));
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(ErrorCode.UNAUTHORIZED, message);
    }

    /** A 400 naming one bad field and why. */
    public static ApiException invalidField(String field, String reason) {
        return new ApiException(
                ErrorCode.VALIDATION_ERROR,
                "Validation failed: " + field + " " + reason,
                Map.of("fields", java.util.List.of(Map.of("field", field, "message", reason))));
    }
}
