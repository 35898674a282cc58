package ai.revo.missioncontrol.campaigns.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.campaigns.CampaignStatistics;
import ai.revo.missioncontrol.campaigns.CampaignStats;
import ai.revo.missioncontrol.campaigns.CampaignStatus;
import ai.revo.missioncontrol.campaigns.CampaignView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns")
class CampaignController {

    private final CampaignManagement campaigns;
    private final CampaignStatistics statistics;
    private final ObjectMapper json;

    CampaignController(CampaignManagement campaigns, CampaignStatistics statistics, ObjectMapper json) {
        this.campaigns = campaigns;
        this.statistics = statistics;
        this.json = json;
    }

    record StatusChange(CampaignStatus status) {}

    record PromptPreview(String systemPrompt) {}

    @GetMapping
    @Operation(
            summary = "The workspace's campaigns",
            description =
                    "Filter: status. sort: name, status, createdAt (default, newest first), updatedAt, startDate.")
    PageResult<CampaignView> list(
            CurrentUser user,
            @RequestParam(required = false) CampaignStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order) {
        return campaigns.list(
                user.tenantId(),
                status,
                new PageQuery(page, limit),
                SortOrder.of(sort, order, CampaignManagement.SORTABLE, "createdAt", false));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a campaign (status DRAFT); its system prompt is generated from the persona")
    CampaignView create(CurrentUser user, @RequestBody JsonNode body) {
        return campaigns.create(user.tenantId(), CampaignRequests.parse(body, json), user.actor());
    }

    /** A campaign with its figures. */
    record CampaignDetail(@JsonUnwrapped CampaignView campaign, CampaignStats stats) {}

    @GetMapping("/{id}")
    @Operation(
            summary = "One campaign with its stats: leads by status, drafts waiting, messages simulated and sent, "
                    + "replies")
    CampaignDetail get(CurrentUser user, @PathVariable UUID id) {
        CampaignView campaign = campaigns.get(user.tenantId(), id);
        return new CampaignDetail(campaign, statistics.of(user.tenantId(), id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change any part of a campaign; the system prompt follows the persona")
    CampaignView change(CurrentUser user, @PathVariable UUID id, @RequestBody JsonNode body) {
        return campaigns.change(user.tenantId(), id, CampaignRequests.parse(body, json), user.actor());
    }

    @PatchMapping("/{id}/status")
    @Operation(
            summary = "Move a campaign: DRAFT→ACTIVE, ACTIVE⇄PAUSED, →COMPLETED, →ARCHIVED",
            description = "Any other move is 409 with the allowed statuses in details.")
    CampaignView move(CurrentUser user, @PathVariable UUID id, @RequestBody StatusChange change) {
        return campaigns.moveTo(user.tenantId(), id, change.status(), user.actor());
    }

    @PostMapping("/prompt-preview")
    @Operation(
            summary = "The system prompt a persona produces; writes nothing",
            description = "Body: {persona: {agentName, tone, tenacity, emoji, length, skills}, name?, objective?}.")
    PromptPreview preview(@RequestBody JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalidField("body", "must be a JSON object");
        }
        JsonNode persona = body.has("persona") ? body.get("persona") : body;
        return new PromptPreview(campaigns.previewPrompt(
                CampaignRequests.persona(persona, json),
                body.path("name").asText(null),
                body.path("objective").asText(null)));
    }
}
