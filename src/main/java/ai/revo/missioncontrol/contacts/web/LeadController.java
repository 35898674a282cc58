package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadQuery;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.contacts.PipelineColumn;
import ai.revo.missioncontrol.contacts.Score;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadController {

    private final LeadManagement leads;

    LeadController(LeadManagement leads) {
        this.leads = leads;
    }

    record CreateLead(
            UUID campaignId,
            UUID contactId,
            ContactDetails contact,
            Score score,
            String scoreReason,
            BigDecimal potentialValue,
            String currency,
            BigDecimal sentiment,
            UUID ownerId,
            String nextAction) {}

    record ChangeLead(
            LeadStatus status,
            Score score,
            String scoreReason,
            BigDecimal potentialValue,
            String currency,
            BigDecimal sentiment,
            UUID ownerId,
            String nextAction) {}

    record Pipeline(UUID campaignId, List<PipelineColumn> columns) {}

    @GetMapping
    @Operation(
            summary = "Leads with their contact",
            description = "Filters: status, score (effective), campaignId, ownerId, q (name, email, company). "
                    + "sort: createdAt (default, newest first), updatedAt, potentialValue, status, score.")
    PageResult<LeadView> list(
            CurrentUser user,
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) Score score,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order) {
        return leads.list(
                user.tenantId(),
                new LeadQuery(status, score, campaignId, ownerId, q),
                new PageQuery(page, limit),
                SortOrder.of(sort, order, LeadManagement.SORTABLE, "createdAt", false));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Enrol a contact in a campaign: {campaignId, contactId} or {campaignId, contact: {...}}",
            description = "The contact is upserted by email or phone. 409 when it already is a lead of the campaign.")
    LeadView create(CurrentUser user, @RequestBody CreateLead request) {
        return leads.enrol(
                user.tenantId(),
                request.campaignId(),
                request.contactId(),
                request.contact(),
                new LeadChange(
                        null,
                        request.score(),
                        request.scoreReason(),
                        request.potentialValue(),
                        request.currency(),
                        request.sentiment(),
                        request.ownerId(),
                        request.nextAction()),
                user.actor());
    }

    @GetMapping("/pipeline")
    @Operation(summary = "Kanban columns by status with count and potential value per currency")
    Pipeline pipeline(CurrentUser user, @RequestParam(required = false) UUID campaignId) {
        return new Pipeline(campaignId, leads.pipeline(user.tenantId(), campaignId));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead with its contact")
    LeadView get(CurrentUser user, @PathVariable UUID id) {
        return leads.get(user.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a lead; a status move the pipeline does not allow is 409 with the allowed ones")
    LeadView change(CurrentUser user, @PathVariable UUID id, @RequestBody ChangeLead request) {
        return leads.change(
                user.tenantId(),
                id,
                new LeadChange(
                        request.status(),
                        request.score(),
                        request.scoreReason(),
                        request.potentialValue(),
                        request.currency(),
                        request.sentiment(),
                        request.ownerId(),
                        request.nextAction()),
                user.actor());
    }

    @PostMapping("/{id}/score-override")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Override a lead's score {score: A|B|C|null, reason}; null clears the override",
            description = "A reason is required to set an override. Emits lead.score.overridden, audited.")
    LeadView overrideScore(CurrentUser user, @PathVariable UUID id, @RequestBody JsonNode body) {
        if (body == null || !body.isObject() || !body.has("score")) {
            throw ApiException.invalidField("score", "is required: A, B, C, or null to clear the override");
        }
        Score score = null;
        if (!body.get("score").isNull()) {
            try {
                score = Score.valueOf(body.get("score").asText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidField("score", "must be A, B, C or null");
            }
        }
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw ApiException.invalidField("reason", "must be a string");
        }
        return leads.overrideScore(
                user.tenantId(), id, score, reason == null || reason.isNull() ? null : reason.asText(), user.actor());
    }
}
