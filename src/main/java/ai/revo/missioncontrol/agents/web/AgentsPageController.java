package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.AgentMetrics;
import ai.revo.missioncontrol.agents.AgentRegistry;
import ai.revo.missioncontrol.agents.AgentRuns;
import ai.revo.missioncontrol.agents.AgentStatus;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
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

/** The agents' cards: live status, and pause or resume for admins. */
@Controller
@RequestMapping("/agents")
class AgentsPageController {

    private final AgentRegistry agents;
    private final AgentRuns runs;

    private final ai.revo.missioncontrol.ai.LlmGateway llm;
    private final ai.revo.missioncontrol.agents.AgentSettings settings;
    private final ai.revo.missioncontrol.agents.ResearchEnrolment research;
    private final ai.revo.missioncontrol.agents.PipelineRuns pipeline;

    AgentsPageController(
            AgentRegistry agents,
            AgentRuns runs,
            ai.revo.missioncontrol.ai.LlmGateway llm,
            ai.revo.missioncontrol.agents.AgentSettings settings,
            ai.revo.missioncontrol.agents.ResearchEnrolment research,
            ai.revo.missioncontrol.agents.PipelineRuns pipeline) {
        this.pipeline = pipeline;
        this.agents = agents;
        this.runs = runs;
        this.llm = llm;
        this.settings = settings;
        this.research = research;
    }

    /** The lead research preview: how many contacts in which campaigns the next run enrols, and the first. */
    @GetMapping("/research-preview")
    String researchPreview(CurrentUser user, Model model) {
        model.addAttribute("preview", research.preview(user.tenantId()));
        model.addAttribute("settings", settings.get(user.tenantId()));
        return "agents/agents :: research-preview";
    }

    /** The pipeline card: its steps and the latest pipeline run with each step's outcome. */
    @GetMapping("/pipeline")
    String pipeline(CurrentUser user, Model model) {
        model.addAttribute("pipelineSteps", pipeline.steps());
        model.addAttribute("pipelineRun", pipeline.latest(user.tenantId()).orElse(null));
        return "agents/agents :: pipeline";
    }

    /** Starts a pipeline run; a 409 (one already unfinished) is shown in the card by the error handling. */
    @PostMapping("/pipeline/run")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String runPipeline(CurrentUser user, Model model) {
        pipeline.start(user.tenantId(), user.actor());
        return pipeline(user, model);
    }

    /** Runs lead research with the enrolment confirmed by this person. */
    @PostMapping("/research-confirm")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String confirmResearch(CurrentUser user, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var run = runs.start(user.tenantId(), "lead_researcher", java.util.Map.of("confirmed", true), user.actor());
        response.setHeader("HX-Redirect", "/runs/" + run.id());
        return researchPreview(user, model);
    }

    private void fill(CurrentUser user, Model model) {
        model.addAttribute(
                "agents", agents.list(user.tenantId(), new PageQuery(1, 100)).data());
        java.util.Map<String, AgentMetrics> figures = new java.util.HashMap<>();
        for (AgentMetrics m : runs.metrics(user.tenantId(), java.time.Duration.ofHours(24))) {
            figures.put(m.agent(), m);
        }
        model.addAttribute("figures", figures);
        model.addAttribute(
                "runnable",
                agents.list(user.tenantId(), new PageQuery(1, 100)).data().stream()
                        .map(a -> a.key())
                        .filter(runs::runnable)
                        .collect(java.util.stream.Collectors.toSet()));
        model.addAttribute("llmMode", llm.mode());
        model.addAttribute("settings", settings.get(user.tenantId()));
    }

    @Bean
    static NavigationItem agentsNavigation() {
        return new NavigationItem(NavigationGroup.AUTOMATE, "Agents", "/agents", "robot", 250, null);
    }

    @GetMapping
    String page(CurrentUser user, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        fill(user, model);
        return htmx != null ? "agents/agents :: cards" : "agents/agents";
    }

    @PostMapping("/{id}/status")
    @PreAuthorize("hasRole('ADMIN')")
    String setStatus(CurrentUser user, @PathVariable UUID id, @RequestParam AgentStatus status, Model model) {
        agents.setStatus(user.tenantId(), id, status, user.actor());
        fill(user, model);
        return "agents/agents :: cards";
    }

    @PostMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String saveSettings(
            CurrentUser user,
            @RequestParam(required = false) java.util.List<String> autoApprove,
            @RequestParam(required = false) String briefChannel,
            @RequestParam(required = false) Integer researchEnrolLimit,
            @RequestParam(required = false) boolean researchNeedsConfirmation,
            Model model) {
        settings.change(
                user.tenantId(),
                autoApprove,
                briefChannel == null || briefChannel.isBlank()
                        ? null
                        : ai.revo.missioncontrol.safety.Channel.valueOf(briefChannel),
                researchEnrolLimit,
                researchNeedsConfirmation,
                user.actor());
        model.addAttribute("saved", true);
        model.addAttribute("settings", settings.get(user.tenantId()));
        return "agents/agents :: settings";
    }

    @PostMapping("/{key}/run")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String run(
            CurrentUser user,
            @PathVariable String key,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        var run = runs.start(user.tenantId(), key, java.util.Map.of(), user.actor());
        response.setHeader("HX-Redirect", "/runs/" + run.id());
        fill(user, model);
        return "agents/agents :: cards";
    }
}
