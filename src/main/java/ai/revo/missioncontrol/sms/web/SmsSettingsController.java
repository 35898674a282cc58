package ai.revo.missioncontrol.sms.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.sms.SmsAccountView;
import ai.revo.missioncontrol.sms.SmsSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's Twilio account for SMS over the API (ADMIN). */
@RestController
@RequestMapping("/api/v1/settings/sms")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Settings")
class SmsSettingsController {

    private final SmsSettings settings;

    SmsSettingsController(SmsSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(
            summary = "The connected Twilio account (account null when none) with the webhook URL to give Twilio",
            description = "The auth token is never returned: only its last four characters.")
    SmsSettings.Overview get(CurrentUser user) {
        return settings.overview(user.tenantId());
    }

    @PutMapping
    @Operation(
            summary =
                    "Connect or change the Twilio account {accountSid, authToken?, messagingServiceSid?, fromNumber?}",
            description = "accountSid AC + 32 hex; authToken required the first time (null keeps the stored one),"
                    + " stored encrypted (MC_SECRETS_KEY); messagingServiceSid MG + 32 hex or fromNumber in E.164: at"
                    + " least one (the service is used when both are set). Audited as sms.account_connected /"
                    + " sms.account_changed.")
    SmsAccountView put(CurrentUser user, @RequestBody SmsSettings.Change change) {
        return settings.connect(user.tenantId(), change, user.actor());
    }
}
