package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.ApiKeyScope;
import ai.revo.missioncontrol.identity.ApiKeys;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Settings → API keys: the signed-in user's own personal access tokens, with htmx. Every role (a VIEWER's keys can
 * only read). The token is in the answer to the creation only.
 */
@Controller
@RequestMapping("/settings/api-keys")
class ApiKeysPageController {

    static final String CHANGED = "apiKeysChanged";

    private final ApiKeys keys;

    ApiKeysPageController(ApiKeys keys) {
        this.keys = keys;
    }

    @Bean
    static NavigationItem apiKeysNavigation() {
        return new NavigationItem(NavigationGroup.SETTINGS, "API keys", "/settings/api-keys", "key", 670, null);
    }

    @GetMapping
    String page(CurrentUser user, Model model) {
        list(user, model);
        return "identity/api-keys";
    }

    @GetMapping("/panel")
    String panel(CurrentUser user, Model model) {
        list(user, model);
        return "identity/api-keys :: panel";
    }

    @GetMapping("/new")
    String form(CurrentUser user, Model model) {
        formModel(user, model, "API key", List.of("read"), "30", null, null);
        return "identity/api-keys :: create-form";
    }

    @PostMapping
    String create(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(defaultValue = "30") String expiry,
            @RequestParam(required = false) String expiresOn,
            HttpServletResponse response,
            Model model) {
        ApiKeys.NewApiKey request = switch (expiry) {
            case "never" -> new ApiKeys.NewApiKey(name, scopes, null, null, true);
            case "date" -> new ApiKeys.NewApiKey(name, scopes, null, expiresOn == null ? "" : expiresOn, null);
            default -> new ApiKeys.NewApiKey(name, scopes, days(expiry), null, null);
        };
        if ("date".equals(expiry) && (expiresOn == null || expiresOn.isBlank())) {
            formModel(user, model, name, scopes, expiry, expiresOn, "Choose the date the key expires.");
            return "identity/api-keys :: create-form";
        }
        try {
            model.addAttribute("created", keys.create(user.tenantId(), user.id(), user.role(), request, user.actor()));
        } catch (ApiException e) {
            // shown inside the dialog, which sits above the page's flash area
            formModel(user, model, name, scopes, expiry, expiresOn, e.getMessage());
            return "identity/api-keys :: create-form";
        }
        response.setHeader("HX-Trigger", CHANGED);
        return "identity/api-keys :: created";
    }

    @PostMapping("/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("revoked", keys.revoke(user.tenantId(), user.id(), id, user.actor()));
        list(user, model);
        return "identity/api-keys :: panel";
    }

    private void list(CurrentUser user, Model model) {
        model.addAttribute("keys", keys.list(user.tenantId(), user.id(), new PageQuery(1, PageQuery.MAX_LIMIT)));
    }

    private static void formModel(
            CurrentUser user,
            Model model,
            String name,
            List<String> scopes,
            String expiry,
            String expiresOn,
            String error) {
        model.addAttribute(
                "allowedScopes",
                ApiKeyScope.allowedFor(user.role()).stream()
                        .sorted()
                        .map(ApiKeyScope::wireName)
                        .toList());
        model.addAttribute("formName", name);
        model.addAttribute("formScopes", scopes == null ? List.of() : scopes);
        model.addAttribute("formExpiry", expiry);
        model.addAttribute("formExpiresOn", expiresOn);
        model.addAttribute("formError", error);
    }

    private static Integer days(String expiry) {
        try {
            return Integer.valueOf(expiry);
        } catch (NumberFormatException e) {
            return 0; // answered by the facade: must be between 1 and 366
        }
    }
}
