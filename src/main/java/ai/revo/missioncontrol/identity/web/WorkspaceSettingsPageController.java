package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.WorkspaceSettings;
import ai.revo.missioncontrol.platform.ApiException;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The workspace card of Settings → Workspace: the admin's form (htmx) and the logo image. */
@Controller
@RequestMapping("/settings/workspace")
class WorkspaceSettingsPageController {

    private final WorkspaceSettings settings;

    WorkspaceSettingsPageController(WorkspaceSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/logo")
    @ResponseBody
    ResponseEntity<byte[]> logo(CurrentUser user) {
        return WorkspaceSettingsController.LogoResponses.of(settings.logoImage(user.tenantId()));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String edit(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String phoneRegion,
            Model model) {
        return card(settings.edit(user.tenantId(), name, timeZone, phoneRegion, user.actor()), "saved", model);
    }

    @PostMapping("/logo")
    @PreAuthorize("hasRole('ADMIN')")
    String replaceLogo(CurrentUser user, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw ApiException.invalidField("logo", "is empty: choose a PNG, JPEG or GIF file");
        }
        byte[] bytes = WorkspaceSettingsController.LogoResponses.readBounded(file.getInputStream());
        return card(settings.replaceLogo(user.tenantId(), bytes, user.actor()), "logoSaved", model);
    }

    @PostMapping("/logo/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String removeLogo(CurrentUser user, Model model) {
        return card(settings.removeLogo(user.tenantId(), user.actor()), "logoRemoved", model);
    }

    private static String card(Object view, String outcome, Model model) {
        model.addAttribute("settings", view);
        model.addAttribute("timeZones", WorkspaceSettings.timeZones());
        model.addAttribute("phoneRegions", WorkspaceSettings.phoneRegions());
        model.addAttribute("outcome", outcome);
        return "identity/workspace :: workspace-card";
    }
}
