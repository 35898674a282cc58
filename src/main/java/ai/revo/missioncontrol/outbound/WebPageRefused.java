package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.ErrorCode;
import java.util.List;
import java.util.Map;

/**
 * A web page that {@link WebPages} would not fetch or keep, with the reason. Answered as a 4xx in the API's error
 * shape: 400 for an address that is not an http(s) URL, 422 for everything found out about the address or page.
 */
public class WebPageRefused extends ApiException {

    /** Why a page was refused; {@code message} is what a person reads. */
    public enum Reason {
        INVALID_URL(ErrorCode.VALIDATION_ERROR, "is not a valid web address"),
        SCHEME_NOT_ALLOWED(ErrorCode.VALIDATION_ERROR, "must start with http:// or https://"),
        HOST_NOT_FOUND(ErrorCode.UNPROCESSABLE, "names a host that does not resolve"),
        ADDRESS_NOT_ALLOWED(
                ErrorCode.UNPROCESSABLE,
                "points to this machine or a private, link-local or multicast network, which is not fetched"),
        TOO_MANY_REDIRECTS(ErrorCode.UNPROCESSABLE, "redirects more than 5 times"),
        BAD_REDIRECT(ErrorCode.UNPROCESSABLE, "redirects to an address that is not a valid http(s) URL"),
        ROBOTS_DISALLOWED(ErrorCode.UNPROCESSABLE, "is disallowed for our crawler by the site's robots.txt"),
        TIMEOUT(ErrorCode.UNPROCESSABLE, "did not answer within 10 seconds"),
        UNREACHABLE(ErrorCode.UNPROCESSABLE, "could not be reached"),
        HTTP_ERROR(ErrorCode.UNPROCESSABLE, "answered with an HTTP error"),
        TOO_LARGE(ErrorCode.UNPROCESSABLE, "is larger than 10 MB"),
        CONTENT_TYPE_NOT_ALLOWED(ErrorCode.UNPROCESSABLE, "is not an HTML or text page");

        private final ErrorCode code;
        private final String message;

        Reason(ErrorCode code, String message) {
            this.code = code;
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    WebPageRefused(Reason reason, String url, String detail) {
        super(
                reason.code,
                "The URL " + reason.message + (detail == null ? "" : " (" + detail + ")"),
                Map.of(
                        "reason",
                        reason.name(),
                        "url",
                        url == null ? "" : url,
                        "fields",
                        List.of(Map.of("field", "url", "message", reason.message))));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
