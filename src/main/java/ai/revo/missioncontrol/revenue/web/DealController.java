package ai.revo.missioncontrol.revenue.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.revenue.DealDraft;
import ai.revo.missioncontrol.revenue.DealQuery;
import ai.revo.missioncontrol.revenue.DealView;
import ai.revo.missioncontrol.revenue.Deals;
import ai.revo.missioncontrol.revenue.ForecastMonth;
import ai.revo.missioncontrol.revenue.PipelineColumn;
import ai.revo.missioncontrol.revenue.PipelineStages;
import ai.revo.missioncontrol.revenue.StageChangeView;
import ai.revo.missioncontrol.revenue.StageDraft;
import ai.revo.missioncontrol.revenue.StageKind;
import ai.revo.missioncontrol.revenue.StageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deals and the pipeline: read by every role, written by ADMIN and CLOSER; the stages are an ADMIN setting. */
@RestController
@Tag(name = "Deals")
class DealController {

    static final String CLOSERS = "hasAnyRole('ADMIN', 'CLOSER')";

    private final Deals deals;
    private final PipelineStages stages;

    DealController(Deals deals, PipelineStages stages) {
        this.deals = deals;
        this.stages = stages;
    }

    record StageMove(UUID stageId, String lostReason) {}

    record StagesBody(List<StageDraft> stages) {}

    record Stages(List<StageView> data) {}

    record Pipeline(List<PipelineColumn> columns) {}

    record Forecast(List<ForecastMonth> months) {}

    record History(List<StageChangeView> data) {}

    @GetMapping("/api/v1/deals")
    @Operation(summary = "Deals by stage order; filters stageId, contactId, kind (OPEN, WON, LOST), q")
    PageResult<DealView> list(
            CurrentUser user,
            @RequestParam(required = false) UUID stageId,
            @RequestParam(required = false) UUID contactId,
            @RequestParam(required = false) StageKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return deals.list(user.tenantId(), new DealQuery(stageId, contactId, kind, q), new PageQuery(page, limit));
    }

    @PostMapping("/api/v1/deals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CLOSERS)
    @Operation(
            summary = "Open a deal from a lead {leadId} or on a contact {contactId, name, amount, currency}",
            description = "Also: listAmount (what discounts are measured from; default amount), stageId (default the "
                    + "first OPEN stage), probability (default the stage's), expectedCloseDate, ownerId, "
                    + "sourceCampaignId, nextStep, company. Amounts are exact decimals.")
    DealView create(CurrentUser user, @RequestBody(required = false) DealDraft body) {
        return deals.create(user.tenantId(), body, user.actor());
    }

    @GetMapping("/api/v1/deals/pipeline")
    @Operation(summary = "Every stage in order with its deal count, total and weighted value per currency")
    Pipeline pipeline(CurrentUser user) {
        return new Pipeline(deals.pipeline(user.tenantId()));
    }

    @GetMapping("/api/v1/deals/forecast")
    @Operation(summary = "Open deals by month of expected close (workspace time zone), unweighted and weighted")
    Forecast forecast(CurrentUser user, @RequestParam(required = false) Integer months) {
        return new Forecast(deals.forecast(user.tenantId(), months));
    }

    @GetMapping("/api/v1/deals/{id}")
    @Operation(summary = "One deal")
    DealView get(CurrentUser user, @PathVariable UUID id) {
        return deals.get(user.tenantId(), id);
    }

    @PatchMapping("/api/v1/deals/{id}")
    @PreAuthorize(CLOSERS)
    @Operation(summary = "Change the fields sent (not the stage)")
    DealView change(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) DealDraft body) {
        return deals.change(user.tenantId(), id, body, user.actor());
    }

    @PostMapping("/api/v1/deals/{id}/stage")
    @PreAuthorize(CLOSERS)
    @Operation(summary = "Move the deal {stageId, lostReason (required for a LOST stage)}; the move is kept")
    DealView move(CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) StageMove body) {
        if (body == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return deals.move(user.tenantId(), id, body.stageId(), body.lostReason(), user.actor());
    }

    @GetMapping("/api/v1/deals/{id}/history")
    @Operation(summary = "The deal's stage moves, oldest first: who, when, from, to, time in the stage left")
    History history(CurrentUser user, @PathVariable UUID id) {
        return new History(deals.history(user.tenantId(), id));
    }

    @GetMapping("/api/v1/settings/pipeline-stages")
    @Operation(summary = "The workspace's pipeline stages in order")
    Stages stages(CurrentUser user) {
        return new Stages(stages.list(user.tenantId()));
    }

    @PutMapping("/api/v1/settings/pipeline-stages")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Replace the stages {stages: [{id?, name, probability, kind}]} in the order sent",
            description = "A stage sent with its id is changed, without one is added, left out is removed (409 while "
                    + "deals are on it). At least one OPEN, one WON and one LOST stage.")
    Stages replace(CurrentUser user, @RequestBody(required = false) StagesBody body) {
        if (body == null) {
            throw ApiException.invalidField("body", "is required");
        }
        return new Stages(stages.replace(user.tenantId(), body.stages(), user.actor()));
    }
}
