package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.AgentMetrics;
import ai.revo.missioncontrol.agents.AgentRunStatus;
import ai.revo.missioncontrol.agents.AgentRunView;
import ai.revo.missioncontrol.agents.AgentRuns;
import ai.revo.missioncontrol.agents.RunItemView;
import ai.revo.missioncontrol.agents.RunTrigger;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agent runs")
class RunController {

    private final AgentRuns runs;

    RunController(AgentRuns runs) {
        this.runs = runs;
    }

    record RunRequest(Map<String, Object> input) {}

    record Override(String outcome, String notes) {}

    /** A run with what it did to each item. */
    record RunDetail(AgentRunView run, List<RunItemView> items) {}

    @PostMapping("/api/v1/agents/{name}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Start a run of an agent now (background); answers the queued run with runId. "
                    + "409 when the agent or the workspace is paused. Roles: ADMIN, OPERATOR")
    Map<String, Object> run(
            CurrentUser user, @PathVariable String name, @RequestBody(required = false) RunRequest request) {
        Map<String, Object> input = request == null || request.input() == null ? Map.of() : request.input();
        if (input.size() > 20) {
            throw ApiException.invalidField("input", "must have at most 20 entries");
        }
        AgentRunView run = runs.start(user.tenantId(), name, input, user.actor());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.id());
        body.put("status", run.status());
        body.put("agent", run.agent());
        return body;
    }

    @GetMapping("/api/v1/runs")
    @Operation(summary = "Agent runs, newest first; filters agent, status, trigger, jobRunId")
    PageResult<AgentRunView> list(
            CurrentUser user,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) AgentRunStatus status,
            @RequestParam(required = false) RunTrigger trigger,
            @RequestParam(required = false) UUID jobRunId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return runs.list(user.tenantId(), agent, status, trigger, jobRunId, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/runs/{id}")
    @Operation(summary = "One run with its items (the LLM calls are at /api/v1/logs/llm?runId=)")
    RunDetail get(CurrentUser user, @PathVariable UUID id) {
        return new RunDetail(runs.get(user.tenantId(), id), runs.items(user.tenantId(), id));
    }

    @PostMapping("/api/v1/runs/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "One more attempt of a FAILED or DEAD run, now (409 otherwise). Roles: ADMIN, OPERATOR")
    AgentRunView retry(CurrentUser user, @PathVariable UUID id) {
        return runs.retry(user.tenantId(), id, user.actor());
    }

    @PostMapping("/api/v1/runs/{id}/manual-override")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Record a person's verdict on a finished run {outcome: SUCCEEDED|FAILED, notes}. Role: ADMIN")
    AgentRunView override(CurrentUser user, @PathVariable UUID id, @RequestBody Override body) {
        return runs.override(user.tenantId(), id, body.outcome(), body.notes(), user.actor());
    }

    @GetMapping("/api/v1/metrics/agents")
    @Operation(
            summary = "Per agent over a window (default 24h, at most 90d): runs, success rate, p50 and p95 "
                    + "duration, tokens, share escalated to a human")
    Map<String, Object> metrics(CurrentUser user, @RequestParam(required = false) String window) {
        Duration d = window(window);
        List<AgentMetrics> data = runs.metrics(user.tenantId(), d);
        return Map.of("window", d.toString(), "data", data);
    }

    static Duration window(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofHours(24);
        }
        try {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            Duration d = switch (t.charAt(t.length() - 1)) {
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> throw new IllegalArgumentException();
            };
            if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            throw ApiException.invalidField("window", "write it like 24h, 7d or 90m (at most 90d)");
        }
    }
}
