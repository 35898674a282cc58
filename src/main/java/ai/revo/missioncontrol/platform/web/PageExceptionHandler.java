package ai.revo.missioncontrol.platform.web;

import ai.revo.missioncontrol.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Failures of page controllers: an htmx request gets the message as a flash alert swapped into {@code #flash}; a
 * full page request gets the error page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(ApiException.class)
    String failed(ApiException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("message", e.getMessage());
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments :: flash-error";
        }
        model.addAttribute("status", e.status().value());
        model.addAttribute("reason", e.status().getReasonPhrase());
        return "error";
    }

    /**
     * The database cannot be reached: 503 with {@code Retry-After}, an htmx request gets the message as a flash
     * alert, a page request the plain error page (its template needs nothing from the database).
     */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class,
        CannotCreateTransactionException.class
    })
    String unavailable(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(ServiceUnavailable.RETRY_AFTER_SECONDS));
        model.addAttribute("message", ServiceUnavailable.MESSAGE);
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Retarget", "#flash");
            response.setHeader("HX-Reswap", "innerHTML");
            return "fragments :: flash-error";
        }
        model.addAttribute("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("reason", "Temporarily unavailable");
        return "error";
    }
}
