package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.SignInProviders;
import ai.revo.missioncontrol.identity.SignInRefusal;
import ai.revo.missioncontrol.platform.ApiException;
import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security) and the page where invited users choose a password. */
@Controller
class LoginPageController {

    private final AuthManagement auth;
    private final SignInProviders providers;

    LoginPageController(AuthManagement auth, SignInProviders providers) {
        this.auth = auth;
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String throttled, Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser) {
            return "redirect:/";
        }
        // the page shows messages chosen by code; the only value taken from the address is a number of seconds
        if (throttled != null) {
            model.addAttribute("retryAfter", throttled.matches("\\d{1,6}") ? Long.valueOf(throttled) : null);
        }
        model.addAttribute("providers", providers.configured());
        return "identity/login";
    }

    /** A provider's sign-in that was refused; the reason is one of a fixed set, anything else reads as an error. */
    @GetMapping("/login/refused")
    String refused(@RequestParam(required = false) String reason, Model model) {
        model.addAttribute(
                "reason",
                Arrays.stream(SignInRefusal.values())
                        .filter(r -> r.name().equals(reason))
                        .findFirst()
                        .orElse(SignInRefusal.PROVIDER_ERROR)
                        .name());
        return "identity/sign-in-refused";
    }

    @GetMapping("/accept-invite")
    String acceptInvite(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "identity/accept-invite";
    }

    @PostMapping("/accept-invite")
    String acceptInvite(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirm,
            Model model) {
        model.addAttribute("token", token);
        if (password == null || !password.equals(confirm)) {
            model.addAttribute("error", "The two passwords do not match.");
            return "identity/accept-invite";
        }
        try {
            auth.acceptInvitation(token, password);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
            return "identity/accept-invite";
        }
        return "redirect:/login?invited";
    }
}
