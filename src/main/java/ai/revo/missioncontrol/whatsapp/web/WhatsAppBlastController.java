package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.whatsapp.WhatsAppBlasts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** WhatsApp template blasts to a campaign's NEW leads, and the number's blast rate. */
@RestController
@Tag(name = "WhatsApp")
class WhatsAppBlastController {

    private final WhatsAppBlasts blasts;

    WhatsAppBlastController(WhatsAppBlasts blasts) {
        this.blasts = blasts;
    }

    @PostMapping("/api/v1/campaigns/{id}/blast")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Blasts a template {templateName, language, parameters} to the campaign's NEW leads: 202"
                    + " {blastId, queued, resumed}",
            description = "Every NEW lead with a phone that is not do-not-contact, suppressed, already contacted or"
                    + " reached by an earlier blast of the campaign gets the template once, through the outbound"
                    + " gateway, at the number's rate. Triggering it again while the campaign's blast is PAUSED"
                    + " resumes it; while it is QUEUED or RUNNING it is 409. 400 for a template not synced as APPROVED"
                    + " or the wrong number of parameters; 409 when the campaign is not ACTIVE or no number is"
                    + " connected.")
    WhatsAppBlasts.Queued blast(CurrentUser user, @PathVariable UUID id, @RequestBody WhatsAppBlasts.Request body) {
        return blasts.start(user.tenantId(), id, body, user.actor());
    }

    @GetMapping("/api/v1/campaigns/{id}/blasts")
    @Operation(
            summary = "The campaign's blasts, newest first: {data: [{id, campaignId, templateName, language,"
                    + " parameters, status: QUEUED|RUNNING|PAUSED|DONE, total, queued, sent, delivered, read, failed,"
                    + " blocked, simulated, reason, requestedBy, createdAt, startedAt, finishedAt}]}")
    Map<String, List<WhatsAppBlasts.BlastView>> ofCampaign(CurrentUser user, @PathVariable UUID id) {
        return Map.of("data", blasts.ofCampaign(user.tenantId(), id));
    }

    @GetMapping("/api/v1/blasts/{id}")
    @Operation(summary = "A blast and its progress (as in the campaign's list)")
    WhatsAppBlasts.BlastView get(CurrentUser user, @PathVariable UUID id) {
        return blasts.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/settings/whatsapp/blast-rate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The number's blast rate: {perSecond} (80 unless set)")
    Map<String, Integer> rate(CurrentUser user) {
        return Map.of("perSecond", blasts.rate(user.tenantId()));
    }

    /** The body of a rate change. */
    record RateChange(Integer perSecond) {}

    @PutMapping("/api/v1/settings/whatsapp/blast-rate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Sets the number's blast rate {perSecond} (1 to 1,000)",
            description = "Held across nodes in one token bucket per number (Redis when configured, PostgreSQL"
                    + " otherwise). 404 when no number is connected.")
    Map<String, Integer> changeRate(CurrentUser user, @RequestBody RateChange body) {
        return Map.of(
                "perSecond", blasts.changeRate(user.tenantId(), body == null ? null : body.perSecond(), user.actor()));
    }
}
