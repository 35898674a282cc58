package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.ExternalSignIns;
import ai.revo.missioncontrol.identity.SignInProviders;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Settings → Sign-in: the signed-in user's own linked provider identities, and removing one. Every role. */
@Controller
@RequestMapping("/settings/sign-in")
class SignInMethodsPageController {

    private final ExternalSignIns signIns;
    private final SignInProviders providers;

    SignInMethodsPageController(ExternalSignIns signIns, SignInProviders providers) {
        this.signIns = signIns;
        this.providers = providers;
    }

    @Bean
    static NavigationItem signInMethodsNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "Sign-in", "/settings/sign-in", "login", 675, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        list(user, model);
        return "identity/sign-in-methods";
    }

    @PostMapping("/{id}/remove")
    String remove(CurrentUser user, @PathVariable UUID id, Model model) {
        try {
            signIns.unlink(user.tenantId(), user.id(), id, user.actor());
            model.addAttribute("removed", true);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        }
        list(user, model);
        return "identity/sign-in-methods :: panel";
    }

    private void list(CurrentUser user, Model model) {
        model.addAttribute("identities", signIns.linked(user.tenantId(), user.id()));
        model.addAttribute("providers", providers.configured());
    }
}
