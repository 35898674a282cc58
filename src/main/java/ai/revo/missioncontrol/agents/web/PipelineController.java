package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.PipelineRunView;
import ai.revo.missioncontrol.agents.PipelineRuns;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pipeline")
@Tag(name = "Agent pipeline")
class PipelineController {

    private final PipelineRuns pipeline;

    PipelineController(PipelineRuns pipeline) {
        this.pipeline = pipeline;
    }

    @PostMapping("/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary =
                    "Run the pipeline now (background): lead research, enrichment and scoring, outreach drafting, the sales "
                            + "agent's deal proposals, "
                            + "the daily brief, in order, one agent run each; a failing step is recorded and the next still "
                            + "runs. Answers the queued run with pipelineRunId; 409 while another pipeline run is QUEUED or "
                            + "RUNNING. Roles: ADMIN, OPERATOR")
    Map<String, Object> run(CurrentUser user) {
        PipelineRunView run = pipeline.start(user.tenantId(), user.actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pipelineRunId", run.id());
        body.put("status", run.status());
        body.put("steps", run.steps().stream().map(PipelineRunView.Step::agent).toList());
        return body;
    }

    @GetMapping("/runs")
    @Operation(summary = "Pipeline runs with their steps, newest first")
    PageResult<PipelineRunView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return pipeline.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/runs/{id}")
    @Operation(
            summary = "One pipeline run: its steps in order, each with its agent run (runId), outcome "
                    + "(PENDING, RUNNING, SUCCEEDED, FAILED, SKIPPED), the reason of a failure or skip, and the counts")
    PipelineRunView get(CurrentUser user, @PathVariable UUID id) {
        return pipeline.get(user.tenantId(), id);
    }
}
