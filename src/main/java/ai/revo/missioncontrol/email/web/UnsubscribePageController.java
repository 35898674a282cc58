package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailTracking;
import ai.revo.missioncontrol.email.TrackingToken;
import ai.revo.missioncontrol.platform.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public unsubscribe page (no sign-in; the signed token is the protection, so the POST is exempt from CSRF and
 * works as the RFC 8058 one-click POST of mail clients). GET asks for confirmation, POST unsubscribes.
 */
@Controller
class UnsubscribePageController {

    private final EmailTracking tracking;

    UnsubscribePageController(EmailTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/unsubscribe")
    String confirm(
            @RequestParam(name = "t", required = false) String token, Model model, HttpServletResponse response) {
        Optional<EmailTracking.UnsubscribeView> view = tracking.readToken(token, TrackingToken.Purpose.UNSUBSCRIBE)
                .flatMap(t -> TenantContext.callAs(
                        t.tenant().value(), () -> tracking.unsubscribeView(t.tenant(), t.emailId())));
        return page(token, view, false, model, response);
    }

    @PostMapping("/unsubscribe")
    String unsubscribe(
            @RequestParam(name = "t", required = false) String token, Model model, HttpServletResponse response) {
        Optional<EmailTracking.UnsubscribeView> view = tracking.readToken(token, TrackingToken.Purpose.UNSUBSCRIBE)
                .flatMap(t -> TenantContext.callAs(t.tenant().value(), () -> {
                    tracking.unsubscribe(t.tenant(), t.emailId());
                    return tracking.unsubscribeView(t.tenant(), t.emailId());
                }));
        return page(token, view, true, model, response);
    }

    private static String page(
            String token,
            Optional<EmailTracking.UnsubscribeView> view,
            boolean confirmed,
            Model model,
            HttpServletResponse response) {
        if (view.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("token", token);
        model.addAttribute("valid", view.isPresent());
        model.addAttribute(
                "address",
                view.map(EmailTracking.UnsubscribeView::maskedAddress).orElse(null));
        model.addAttribute(
                "unsubscribed",
                view.map(EmailTracking.UnsubscribeView::unsubscribed).orElse(false));
        model.addAttribute("confirmed", confirmed);
        return "email/unsubscribe";
    }
}
