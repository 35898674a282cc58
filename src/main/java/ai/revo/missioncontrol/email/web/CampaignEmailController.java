package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailSettings;
import ai.revo.missioncontrol.email.Emails;
import ai.revo.missioncontrol.email.ProspectView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns/{id}")
@Tag(name = "Emails")
class CampaignEmailController {

    private final Emails emails;

    CampaignEmailController(Emails emails) {
        this.emails = emails;
    }

    @GetMapping("/email-settings")
    @Operation(summary = "A campaign's send window (recipient's zone, else the campaign's) and sender address")
    EmailSettings settings(CurrentUser user, @PathVariable UUID id) {
        return emails.settings(user.tenantId(), id);
    }

    @PutMapping("/email-settings")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Replace a campaign's email settings",
            description = "Body {sendWindow: {days: [MON..SUN], start: 09:00, end: 17:00} or null, fromEmail or null}.")
    EmailSettings change(CurrentUser user, @PathVariable UUID id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        JsonNode w = body.get("sendWindow");
        EmailSettings.SendWindow window = null;
        if (w != null && !w.isNull()) {
            if (!w.isObject()) {
                throw ApiException.invalidField("sendWindow", "must be an object or null");
            }
            List<String> days = new ArrayList<>();
            JsonNode d = w.get("days");
            if (d != null && !d.isNull()) {
                if (!d.isArray()) {
                    throw ApiException.invalidField("sendWindow.days", "must be a list of days");
                }
                d.forEach(day -> days.add(day.asText()));
            }
            window = new EmailSettings.SendWindow(
                    days, text(w, "start", "sendWindow.start"), text(w, "end", "sendWindow.end"));
        }
        return emails.changeSettings(user.tenantId(), id, window, text(body, "fromEmail", "fromEmail"), user.actor());
    }

    @GetMapping("/prospects")
    @Operation(summary = "The campaign's leads as prospects, with their last email, its status, opened and replied")
    PageResult<ProspectView> prospects(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return emails.prospects(user.tenantId(), id, new PageQuery(page, limit));
    }

    private static String text(JsonNode node, String name, String field) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return v.asText();
    }
}
