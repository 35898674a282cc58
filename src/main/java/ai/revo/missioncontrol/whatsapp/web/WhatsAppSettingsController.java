package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.outbound.WhatsAppGraph;
import ai.revo.missioncontrol.whatsapp.WhatsAppNumberView;
import ai.revo.missioncontrol.whatsapp.WhatsAppSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's WhatsApp connection over the API (ADMIN). */
@RestController
@RequestMapping("/api/v1/settings/whatsapp")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Settings")
class WhatsAppSettingsController {

    private final WhatsAppSettings settings;

    WhatsAppSettingsController(WhatsAppSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(
            summary = "The connected WhatsApp number (number null when none) and the webhook URL to give Meta",
            description = "The access token, app secret and verify token are never returned: only their last four"
                    + " characters.")
    WhatsAppSettings.Overview get(CurrentUser user) {
        return settings.overview(user.tenantId());
    }

    @PutMapping
    @Operation(
            summary = "Connect or change the number {phoneNumberId, businessAccountId, displayNumber, accessToken?,"
                    + " appSecret?, verifyToken?, campaignId?, stopKeywords?, sentimentThreshold?, snoozePhrases?}",
            description = "The three secrets are required the first time; afterwards null keeps the stored one. The"
                    + " token and app secret are stored encrypted (MC_SECRETS_KEY), the verify token as a hash."
                    + " campaignId: the campaign new senders become leads of. 409 when the phone number id is another"
                    + " workspace's. Audited as whatsapp.number_connected / whatsapp.number_changed.")
    WhatsAppNumberView put(CurrentUser user, @RequestBody WhatsAppSettings.Change change) {
        return settings.connect(user.tenantId(), change, user.actor());
    }

    @PostMapping("/test")
    @Operation(
            summary = "Test connection: asks Meta's Graph API for the number with the stored token",
            description = "{ok, displayPhoneNumber, verifiedName, qualityRating, error}; 404 when no number is"
                    + " connected.")
    WhatsAppGraph.ConnectionCheck test(CurrentUser user) {
        return settings.testConnection(user.tenantId(), user.actor());
    }
}
