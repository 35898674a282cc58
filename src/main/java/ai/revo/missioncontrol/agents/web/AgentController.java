package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.AgentRegistry;
import ai.revo.missioncontrol.agents.AgentStatus;
import ai.revo.missioncontrol.agents.AgentView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents")
class AgentController {

    private final AgentRegistry agents;
    private final ai.revo.missioncontrol.agents.ResearchEnrolment research;

    AgentController(AgentRegistry agents, ai.revo.missioncontrol.agents.ResearchEnrolment research) {
        this.agents = agents;
        this.research = research;
    }

    @GetMapping("/lead_researcher/preview")
    @Operation(
            summary = "What the next lead research run would enrol: total, per campaign with the first contacts, the "
                    + "per-run limit and whether a person must confirm",
            description = "Nothing is written. Confirm with POST /api/v1/agents/lead_researcher/run "
                    + "{input: {confirmed: true}} when the workspace requires confirmation.")
    ai.revo.missioncontrol.agents.ResearchEnrolment.Preview researchPreview(CurrentUser user) {
        return research.preview(user.tenantId());
    }

    record StatusChange(AgentStatus status) {}

    @GetMapping
    @Operation(summary = "The workspace's AI agents and their status")
    PageResult<AgentView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return agents.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One agent")
    AgentView get(CurrentUser user, @PathVariable UUID id) {
        return agents.get(user.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Pause {status: PAUSED} or resume {status: IDLE} an agent")
    AgentView setStatus(CurrentUser user, @PathVariable UUID id, @RequestBody StatusChange change) {
        return agents.setStatus(user.tenantId(), id, change.status(), user.actor());
    }
}
