package ai.revo.missioncontrol.privacy.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.privacy.PrivacyRequests;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The contact page's privacy buttons: the export as a download, the erasure (confirmed on the page). ADMIN only. */
@Controller
@RequestMapping("/privacy/contacts/{id}")
@PreAuthorize("hasRole('ADMIN')")
class PrivacyPageController {

    private final PrivacyRequests privacy;

    PrivacyPageController(PrivacyRequests privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/export")
    @ResponseBody
    ResponseEntity<Map<String, Object>> export(CurrentUser user, @PathVariable UUID id) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"contact-" + id + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(privacy.export(user.tenantId(), id, user.actor()));
    }

    @PostMapping("/erase")
    @ResponseBody
    String erase(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) {
        privacy.erase(user.tenantId(), id, user.actor());
        response.setHeader("HX-Redirect", "/contacts?erased");
        return "";
    }
}
