package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.AgentRegistry;
import ai.revo.missioncontrol.agents.AgentRunStatus;
import ai.revo.missioncontrol.agents.AgentRuns;
import ai.revo.missioncontrol.agents.RunCounters;
import ai.revo.missioncontrol.agents.RunTrigger;
import ai.revo.missioncontrol.ai.LlmLogs;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The runs of the agents: a filtered list, and each run with its items, errors and LLM calls. */
@Controller
@RequestMapping("/runs")
class RunsPageController {

    private final AgentRuns runs;
    private final AgentRegistry agents;
    private final LlmLogs llmLogs;
    private final RunCounters counters;

    RunsPageController(AgentRuns runs, AgentRegistry agents, LlmLogs llmLogs, RunCounters counters) {
        this.counters = counters;
        this.runs = runs;
        this.agents = agents;
        this.llmLogs = llmLogs;
    }

    @Bean
    static NavigationItem runsNavigation() {
        return new NavigationItem(NavigationGroup.AUTOMATE, "Runs", "/runs", "list-details", 255, null);
    }

    @GetMapping
    String list(
            CurrentUser user,
            @RequestParam(required = false) String agent,
            @RequestParam(required = false) AgentRunStatus status,
            @RequestParam(required = false) RunTrigger trigger,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        String agentFilter = agent == null || agent.isBlank() ? null : agent;
        var list = runs.list(user.tenantId(), agentFilter, status, trigger, null, new PageQuery(page, 25));
        model.addAttribute("runs", list);
        Map<UUID, String> inWords = new HashMap<>();
        list.data().forEach(r -> inWords.put(r.id(), counters.inWords(r.output())));
        model.addAttribute("counters", inWords);
        var all = agents.list(user.tenantId(), new PageQuery(1, 100)).data();
        model.addAttribute("agents", all);
        Map<String, String> agentNames = new HashMap<>();
        all.forEach(a -> agentNames.put(a.key(), a.name()));
        model.addAttribute("agentNames", agentNames);
        model.addAttribute("agent", agentFilter);
        model.addAttribute("status", status);
        model.addAttribute("trigger", trigger);
        model.addAttribute("statuses", AgentRunStatus.values());
        model.addAttribute("triggers", RunTrigger.values());
        return htmx != null ? "agents/runs :: table" : "agents/runs";
    }

    @GetMapping("/{id}")
    String detail(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        fill(user, id, model);
        return htmx != null ? "agents/run :: detail" : "agents/run";
    }

    @PostMapping("/{id}/retry")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String retry(CurrentUser user, @PathVariable UUID id, Model model) {
        runs.retry(user.tenantId(), id, user.actor());
        fill(user, id, model);
        return "agents/run :: detail";
    }

    @PostMapping("/{id}/override")
    @PreAuthorize("hasRole('ADMIN')")
    String override(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String notes,
            Model model) {
        runs.override(user.tenantId(), id, outcome, notes, user.actor());
        fill(user, id, model);
        return "agents/run :: detail";
    }

    private void fill(CurrentUser user, UUID id, Model model) {
        var run = runs.get(user.tenantId(), id);
        var items = runs.items(user.tenantId(), id);
        model.addAttribute("run", run);
        model.addAttribute("items", items);
        model.addAttribute(
                "agentName",
                agents.list(user.tenantId(), new PageQuery(1, 100)).data().stream()
                        .filter(a -> a.key().equals(run.agent()))
                        .map(a -> a.name())
                        .findFirst()
                        .orElse(run.agent()));
        model.addAttribute("counters", counters.inWords(run.output(), items));
        model.addAttribute(
                "calls",
                llmLogs.logs(user.tenantId(), id, null, null, new PageQuery(1, 100))
                        .data());
    }
}
