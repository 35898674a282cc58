package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's dashboard preferences through the API (what the sidebar's collapse button stores). */
@RestController
class PreferencesApiController {

    record PreferencesRequest(Boolean sidebarCollapsed) {}

    private final ShellPreferences preferences;

    PreferencesApiController(ShellPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/api/v1/me/preferences")
    ShellPreferences.Preferences get(CurrentUser user) {
        return preferences.get(user.tenantId(), user.id());
    }

    @PutMapping("/api/v1/me/preferences")
    ShellPreferences.Preferences put(CurrentUser user, @RequestBody PreferencesRequest request) {
        if (request == null || request.sidebarCollapsed() == null) {
            throw ai.revo.missioncontrol.platform.ApiException.invalidField("sidebarCollapsed", "is required");
        }
        return preferences.setSidebarCollapsed(user.tenantId(), user.id(), request.sidebarCollapsed());
    }
}
