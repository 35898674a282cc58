package ai.revo.missioncontrol.platform.web;

import ai.revo.missioncontrol.platform.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
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
}
