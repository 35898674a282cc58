package ai.revo.missioncontrol.platform.web;

import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside a controller (in a filter, or a path nobody maps): the API error shape for API and
 * JSON clients, a friendly page for browsers.
 */
@Controller
class ErrorPageController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Model model) {
        HttpStatus status = status(request);
        if (isApi(request)) {
            return "forward:/error/json";
        }
        model.addAttribute("status", status.value());
        model.addAttribute("reason", status.getReasonPhrase());
        return "error";
    }

    @RequestMapping({"/error", "/error/json"})
    ResponseEntity<ErrorBody> json(HttpServletRequest request) {
        HttpStatus status = status(request);
        ErrorCode code = switch (status) {
            case BAD_REQUEST -> ErrorCode.VALIDATION_ERROR;
            case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case CONFLICT -> ErrorCode.CONFLICT;
            case TOO_MANY_REQUESTS -> ErrorCode.RATE_LIMIT_EXCEEDED;
            case SERVICE_UNAVAILABLE -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR;
        };
        String message = code == ErrorCode.INTERNAL_ERROR ? "An internal error occurred" : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBody.of(code, message, Map.of()));
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
