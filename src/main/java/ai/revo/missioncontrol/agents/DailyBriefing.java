package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.ai.LlmContext;
import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmResult;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.PipelineColumn;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.identity.Role;
import ai.revo.missioncontrol.identity.UserManagement;
import ai.revo.missioncontrol.identity.UserView;
import ai.revo.missioncontrol.identity.WorkspaceView;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.safety.SafetyView;
import ai.revo.missioncontrol.scheduling.JobView;
import ai.revo.missioncontrol.scheduling.SchedulerJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * daily_brief: the last 24 hours as three wins, three blockers and three next moves, chosen deterministically from
 * the figures (agent runs, the pipeline, the inbox, the safety switches, blocked agents, the real schedule), then
 * phrased by the LLM or the template. It states only what happened: drafts written by a template are called that; stored, announced as {@code brief.created}, and delivered to the admins through the OutboundGateway
 * when an admin chose a channel for it.
 */
@Component
class DailyBriefing extends ScheduledAgentJob {

    static final String PROMPT = "daily_brief";

    private final RunStore runs;
    private final LeadManagement leads;
    private final DraftManagement drafts;
    private final SafetyManagement safety;
    private final AgentRegistry registry;
    private final UserManagement users;
    private final LlmGateway llm;
    private final Briefs briefs;
    private final AgentSettings settings;
    private final OutboundGateway outbound;
    private final Clock clock;
    private final SchedulerJobs jobs;

    DailyBriefing(
            RunStore runs,
            LeadManagement leads,
            DraftManagement drafts,
            SafetyManagement safety,
            AgentRegistry registry,
            UserManagement users,
            LlmGateway llm,
            Briefs briefs,
            AgentSettings settings,
            OutboundGateway outbound,
            Clock clock,
            SchedulerJobs jobs) {
        this.runs = runs;
        this.leads = leads;
        this.drafts = drafts;
        this.safety = safety;
        this.registry = registry;
        this.users = users;
        this.llm = llm;
        this.briefs = briefs;
        this.settings = settings;
        this.outbound = outbound;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Override
    public String agentKey() {
        return "daily_briefer";
    }

    @Override
    public void perform(RunContext run) {
        Instant end = clock.instant();
        Instant start = end.minus(Duration.ofHours(24));
        Map<String, Object> figures = figures(run, start);
        Picks picks = pick(figures, blockedAgents(run), nextResearch(run));
        WorkspaceView workspace = users.workspace(run.tenant());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("wins", picks.wins());
        variables.put("blockers", picks.blockers());
        variables.put("nextMoves", picks.nextMoves());
        variables.put("winsText", bullets(picks.wins()));
        variables.put("blockersText", bullets(picks.blockers()));
        variables.put("nextMovesText", bullets(picks.nextMoves()));
        variables.put("figures", figures);
        variables.put("date", LocalDate.ofInstant(end, zone(workspace)).toString());
        variables.put("workspace", workspace.name());
        LlmResult text;
        try {
            text = llm.generate(run.tenant(), PROMPT, variables, new LlmContext(run.runId(), "brief", null));
        } catch (RuntimeException e) {
            run.failed("brief", null, "Daily brief", e);
            return;
        }
        run.llm(text);
        BriefView brief = briefs.store(
                run.tenant(),
                run.runId(),
                start,
                end,
                picks.wins(),
                picks.blockers(),
                picks.nextMoves(),
                figures,
                text.text(),
                text.model(),
                run.agent());
        run.count("briefs");
        List<String> delivered = deliver(run, brief, workspace);
        run.done(
                "brief",
                brief.id(),
                "Daily brief " + variables.get("date"),
                "Wins: " + picks.wins().size()
                        + ", blockers: " + picks.blockers().size() + ", next moves: "
                        + picks.nextMoves().size()
                        + (delivered.isEmpty() ? "" : "; delivered to " + String.join(", ", delivered)),
                null,
                false);
    }

    private Map<String, Object> figures(RunContext run, Instant since) {
        Map<String, Object> figures = new LinkedHashMap<>(runs.figures(run.tenant(), since));
        for (PipelineColumn column : leads.pipeline(run.tenant(), null)) {
            figures.put("leads" + pascal(column.status()), column.count());
        }
        figures.put(
                "inboxWaiting",
                drafts.inbox(run.tenant(), new PageQuery(1, 1)).pagination().total());
        SafetyView s = safety.settings(run.tenant());
        figures.put("dryRun", s.dryRunMode() ? 1 : 0);
        figures.put("globalPause", s.globalPause() ? 1 : 0);
        String error = runs.latestError(run.tenant(), since);
        if (error != null) {
            figures.put("latestError", error);
        }
        return figures;
    }

    /** What the real schedule says about the next lead research run, in its job's time zone. */
    private String nextResearch(RunContext run) {
        JobView next = null;
        for (JobView job : jobs.list(run.tenant(), new PageQuery(1, 100)).data()) {
            if (job.enabled()
                    && "lead_researcher".equals(job.agent())
                    && job.nextFireAt() != null
                    && (next == null || job.nextFireAt().isBefore(next.nextFireAt()))) {
                next = job;
            }
        }
        if (next == null) {
            return "No lead research run is scheduled: enable its job in Scheduler or run it from Agents";
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(next.timezone());
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        return "The next lead research run (" + next.name() + ", "
                + WHEN.format(next.nextFireAt().atZone(zone)) + " " + zone.getId() + ") looks for the next leads";
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private List<String> blockedAgents(RunContext run) {
        List<String> blocked = new ArrayList<>();
        for (AgentView agent :
                registry.list(run.tenant(), new PageQuery(1, 100)).data()) {
            if (agent.status() == AgentStatus.BLOCKED) {
                blocked.add(agent.name() + (agent.statusReason() == null ? "" : ": " + agent.statusReason()));
            }
        }
        return blocked;
    }

    record Picks(List<String> wins, List<String> blockers, List<String> nextMoves) {}

    /** The deterministic choice: candidates in a fixed order of importance, the first three of each kind. */
    static Picks pick(Map<String, Object> f, List<String> blockedAgents, String nextResearch) {
        List<String> wins = new ArrayList<>();
        long byModel = n(f, "draftsByModel");
        long byTemplate = n(f, "draftsByTemplate");
        long unknown = Math.max(0, n(f, "draftsSubmitted") - byModel - byTemplate);
        add(wins, byModel, byModel + " first messages personalised by the model and sent to the approval inbox");
        add(
                wins,
                byTemplate,
                byTemplate + " first messages written from the template (no model) and sent to the approval inbox");
        add(wins, unknown, unknown + " first messages drafted and sent to the approval inbox");
        add(wins, n(f, "leadsEnrolled"), n(f, "leadsEnrolled") + " new leads enrolled by lead research");
        add(wins, n(f, "scoreA"), n(f, "scoreA") + " leads scored A (best fit)");
        add(wins, n(f, "leadsWON"), n(f, "leadsWON") + " deals won");
        add(
                wins,
                n(f, "leadsBOOKED") + n(f, "leadsINTERESTED"),
                (n(f, "leadsBOOKED") + n(f, "leadsINTERESTED")) + " leads interested or booked");
        add(wins, n(f, "leadsEnriched"), n(f, "leadsEnriched") + " leads enriched and scored");
        add(wins, n(f, "postsSubmitted"), n(f, "postsSubmitted") + " social posts drafted");
        if (wins.isEmpty()) {
            wins.add("No new wins in the last 24 hours");
        }
        List<String> blockers = new ArrayList<>();
        add(blockers, n(f, "inboxWaiting"), n(f, "inboxWaiting") + " drafts wait for approval");
        add(
                blockers,
                n(f, "runsDead"),
                n(f, "runsDead") + " agent runs are dead after all their retries"
                        + (f.get("latestError") == null ? "" : " (" + f.get("latestError") + ")"));
        add(
                blockers,
                n(f, "runsFailed"),
                n(f, "runsFailed") + " agent runs failed and wait for a retry"
                        + (f.get("latestError") == null || n(f, "runsDead") > 0
                                ? ""
                                : " (" + f.get("latestError") + ")"));
        for (String agent : blockedAgents) {
            blockers.add("Agent blocked: " + agent);
        }
        add(blockers, n(f, "flagged"), n(f, "flagged") + " drafts were flagged for a closer look");
        add(blockers, n(f, "globalPause"), "The workspace is paused: nothing goes out");
        add(blockers, n(f, "dryRun"), "Dry-run is on: approved messages are simulated, not sent");
        add(blockers, n(f, "scoreC"), n(f, "scoreC") + " new leads scored C (poor fit)");
        if (blockers.isEmpty()) {
            blockers.add("No blockers in the last 24 hours");
        }
        List<String> moves = new ArrayList<>();
        add(
                moves,
                n(f, "inboxWaiting"),
                "Review the " + n(f, "inboxWaiting") + " drafts in the approval inbox, " + "flagged ones first");
        add(
                moves,
                n(f, "runsDead") + n(f, "runsFailed") + blockedAgents.size(),
                "Open the Runs page: retry or override the failed runs");
        add(
                moves,
                n(f, "leadsBOOKED") + n(f, "leadsINTERESTED"),
                "Follow up with the " + (n(f, "leadsBOOKED") + n(f, "leadsINTERESTED"))
                        + " interested and booked leads");
        add(
                moves,
                n(f, "dryRun") == 1 && n(f, "inboxWaiting") == 0 ? 1 : 0,
                "When the approved drafts read well, turn dry-run off in Safety");
        add(
                moves,
                n(f, "leadsEnrolled") == 0 ? 1 : 0,
                "Add contacts that fit the active campaigns, or widen their ideal-customer criteria");
        add(moves, n(f, "scoreC"), "Look at the C-scored leads: override the score where you know better");
        moves.add(nextResearch);
        return new Picks(first3(wins), first3(blockers), first3(moves));
    }

    private List<String> deliver(RunContext run, BriefView brief, WorkspaceView workspace) {
        Channel channel = settings.get(run.tenant()).briefChannel();
        if (channel == null) {
            return List.of();
        }
        List<String> delivered = new ArrayList<>();
        for (UserView user : users.list(run.tenant(), new PageQuery(1, 100)).data()) {
            if (user.role() != Role.ADMIN || !user.active()) {
                continue;
            }
            String to = channel == Channel.EMAIL ? user.email() : null;
            if (to == null) {
                run.skipped("delivery", user.id().value(), user.email(), "No " + channel + " address for this admin");
                continue;
            }
            try {
                var outcome = outbound.submit(
                        run.tenant(),
                        new OutboundMessage(
                                channel,
                                to,
                                "Daily brief for " + workspace.name(),
                                brief.text(),
                                null,
                                null,
                                null,
                                "brief:" + brief.id() + ":" + to,
                                run.agent()));
                delivered.add(to + " (" + outcome.status() + ")");
            } catch (RuntimeException e) {
                run.failed("delivery", user.id().value(), to, e);
            }
        }
        briefs.delivered(run.tenant(), brief.id(), delivered);
        return delivered;
    }

    private static ZoneId zone(WorkspaceView workspace) {
        try {
            return ZoneId.of(workspace.timeZone());
        } catch (RuntimeException e) {
            return ZoneId.of("America/Toronto");
        }
    }

    private static String pascal(LeadStatus status) {
        return status.name();
    }

    private static String bullets(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            out.append("- ").append(item).append('\n');
        }
        return out.toString().stripTrailing();
    }

    private static void add(List<String> list, long when, String text) {
        if (when > 0) {
            list.add(text);
        }
    }

    private static long n(Map<String, Object> f, String key) {
        Object v = f.get(key);
        return v instanceof Number num ? num.longValue() : 0;
    }

    private static List<String> first3(List<String> list) {
        return List.copyOf(list.subList(0, Math.min(3, list.size())));
    }
}
