package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailTrackingSettings;
import ai.revo.missioncontrol.email.EmailWebhookSecrets;
import ai.revo.missioncontrol.email.TrackingSettingsView;
import ai.revo.missioncontrol.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The email webhook secret (ADMIN) and each campaign's tracking switches. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Email tracking settings")
class EmailSettingsController {

    private final EmailWebhookSecrets secrets;
    private final EmailTrackingSettings tracking;

    EmailSettingsController(EmailWebhookSecrets secrets, EmailTrackingSettings tracking) {
        this.secrets = secrets;
        this.tracking = tracking;
    }

    record TrackingChange(Boolean trackOpens, Boolean trackLinks) {}

    @GetMapping("/settings/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "The workspace's email webhook secret (created on first read)",
            description = "Providers sign reply, bounce and open webhooks with it: X-MC-Signature: t=<unix seconds>,"
                    + "v1=<hex HMAC-SHA256 of t.rawBody>.")
    Map<String, String> webhooks(CurrentUser user) {
        return Map.of("emailWebhookSecret", secrets.secret(user.tenantId()));
    }

    @PostMapping("/settings/webhooks/rotate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Replace the email webhook secret; the old one stops working at once (audited)")
    Map<String, String> rotate(CurrentUser user) {
        return Map.of("emailWebhookSecret", secrets.rotate(user.tenantId(), user.actor()));
    }

    @GetMapping("/campaigns/{id}/tracking")
    @Operation(summary = "A campaign's tracking switches (opens and links; both on unless turned off)")
    TrackingSettingsView get(CurrentUser user, @PathVariable UUID id) {
        return tracking.get(user.tenantId(), id);
    }

    @PutMapping("/campaigns/{id}/tracking")
    @org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Turn open or link tracking on or off for a campaign {trackOpens?, trackLinks?}. Roles: ADMIN, "
                    + "OPERATOR")
    TrackingSettingsView change(CurrentUser user, @PathVariable UUID id, @RequestBody TrackingChange change) {
        return tracking.change(user.tenantId(), id, change.trackOpens(), change.trackLinks(), user.actor());
    }
}
