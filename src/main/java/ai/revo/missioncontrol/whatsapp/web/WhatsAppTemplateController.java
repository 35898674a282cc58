package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.whatsapp.WhatsAppCampaignSettings;
import ai.revo.missioncontrol.whatsapp.WhatsAppTemplateView;
import ai.revo.missioncontrol.whatsapp.WhatsAppTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The WhatsApp Business account's message templates, and each campaign's re-engagement template. */
@RestController
@Tag(name = "WhatsApp")
class WhatsAppTemplateController {

    private final WhatsAppTemplates templates;
    private final WhatsAppCampaignSettings campaignSettings;

    WhatsAppTemplateController(WhatsAppTemplates templates, WhatsAppCampaignSettings campaignSettings) {
        this.templates = templates;
        this.campaignSettings = campaignSettings;
    }

    @GetMapping("/api/v1/whatsapp/templates")
    @Operation(
            summary = "The synced templates: {data: [{id, providerTemplateId, name, language, category, status,"
                    + " reason, bodyText, bodyParameters, headerParameters, syncedAt, usable}]}",
            description = "status=APPROVED lists only those that can be sent.")
    Map<String, List<WhatsAppTemplateView>> list(
            CurrentUser user, @RequestParam(name = "status", required = false) String status) {
        return Map.of("data", templates.list(user.tenantId(), "APPROVED".equalsIgnoreCase(status)));
    }

    @PostMapping("/api/v1/whatsapp/templates/sync")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Syncs the templates from the business account now: {ok, templates, approved, removed, error}",
            description = "GET /{waba-id}/message_templates on Meta's Graph API. A template the account no longer"
                    + " lists becomes DELETED. 404 when no number is connected.")
    WhatsAppTemplates.SyncResult sync(CurrentUser user) {
        return templates.sync(user.tenantId(), "MANUAL", user.actor());
    }

    @GetMapping("/api/v1/campaigns/{id}/whatsapp")
    @Operation(
            summary = "The campaign's WhatsApp settings: {campaignId, reengagementTemplate: {name, language,"
                    + " parameters} | null}")
    WhatsAppCampaignSettings.View campaign(CurrentUser user, @PathVariable UUID id) {
        return campaignSettings.get(user.tenantId(), id);
    }

    /** The body of a change. */
    record CampaignChange(WhatsAppCampaignSettings.TemplateRef reengagementTemplate) {}

    @PutMapping("/api/v1/campaigns/{id}/whatsapp")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Sets the campaign's re-engagement template {reengagementTemplate: {name, language,"
                    + " parameters} | null}",
            description = "Outside the 24-hour window free text of this campaign goes as this template instead of"
                    + " being refused. 400 when the template is not synced as APPROVED or the parameters do not match"
                    + " its placeholders. Audited as whatsapp.campaign_settings_changed.")
    WhatsAppCampaignSettings.View change(CurrentUser user, @PathVariable UUID id, @RequestBody CampaignChange body) {
        return campaignSettings.change(
                user.tenantId(), id, body == null ? null : body.reengagementTemplate(), user.actor());
    }
}
