package ai.revo.missioncontrol.platform;

import java.time.Instant;
import java.util.Map;

/** The one error shape of the API: {@code {"error": {code, message, details, timestamp, requestId}}}. */
public record ErrorBody(Error error) {

    public record Error(
            String code, String message, Map<String, Object> details, Instant timestamp, String requestId) {}

    public static ErrorBody of(ErrorCode code, String message, Map<String, Object> details) {
        return new ErrorBody(new Error(
                code.name(), message, details == null ? Map.of() : details, Instant.now(), RequestId.current()));
    }
}
