package ai.revo.missioncontrol.agents;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.identity.WorkspaceCreated;
import ai.revo.missioncontrol.platform.Actor;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agents of a workspace: listed, read, paused and resumed by admins. */
@Service
public class AgentRegistry {

    /** The agents every workspace starts with: key, name, description. */
    static final List<String[]> DEFAULTS = List.of(
            new String[] {
                "lead_researcher", "Lead researcher", "Finds new leads that fit each active campaign's ideal customer."
            },
            new String[] {
                "enrichment_scorer",
                "Enrichment and scoring",
                "Completes lead details and scores each lead A, B or C with its reason."
            },
            new String[] {
                "outreach_drafter",
                "Outreach drafter",
                "Writes personalised first messages and sends them to the approval inbox."
            },
            new String[] {
                "content_creator", "Content creator", "Researches and drafts content for the campaigns' channels."
            },
            new String[] {
                "qa_reviewer", "QA reviewer", "Checks every draft against the rules and gives it a confidence score."
            },
            new String[] {
                "sales_agent",
                "Sales agent",
                "Proposes a deal for each interested or booked lead without one; a person approves it in the approval inbox."
            },
            new String[] {
                "daily_briefer",
                "Daily briefer",
                "Writes the daily brief: three wins, three blockers, three next moves."
            });

    private final AgentRepository agents;
    private final JdbcClient jdbc;
    private final Clock clock;

    AgentRegistry(AgentRepository agents, JdbcClient jdbc, Clock clock) {
        this.agents = agents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Seeds the default agents inside the transaction that creates the workspace; idempotent. */
    @EventListener
    void seed(WorkspaceCreated created) {
        for (String[] a : DEFAULTS) {
            jdbc.sql(
                            "insert into agents (id, tenant_id, key, name, description, status) values (?, ?, ?, ?, ?, 'IDLE') "
                                    + "on conflict (tenant_id, key) do nothing")
                    .params(UUID.randomUUID(), created.tenantId(), a[0], a[1], a[2])
                    .update();
        }
    }

    @Transactional(readOnly = true)
    public PageResult<AgentView> list(TenantId tenant, PageQuery page) {
        List<AgentView> all = agents.findAll(tenant).stream().map(Agent::view).toList();
        int from = (int) Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return PageResult.of(all.subList(from, to), page, all.size());
    }

    @Transactional(readOnly = true)
    public AgentView get(TenantId tenant, UUID id) {
        return load(tenant, id).view();
    }

    /** Pauses ({@code PAUSED}) or resumes ({@code IDLE}) an agent; emits {@code agent.status_changed}. */
    @Transactional
    public AgentView setStatus(TenantId tenant, UUID id, AgentStatus status, Actor admin) {
        if (status == null) {
            throw ApiException.invalidField("status", "is required: PAUSED or IDLE");
        }
        Agent agent = load(tenant, id);
        agent.setByAdmin(status, admin, clock.instant());
        return agents.save(agent).view();
    }

    /** The agent with this key (e.g. {@code outreach_drafter}); 404 when there is none. */
    @Transactional(readOnly = true)
    public AgentView byKey(TenantId tenant, String key) {
        return byKeyOrThrow(tenant, key).view();
    }

    @Transactional
    public void startWork(TenantId tenant, String key) {
        Agent agent = byKeyOrThrow(tenant, key);
        agent.startWork(clock.instant());
        agents.save(agent);
    }

    @Transactional
    public void finishWork(TenantId tenant, String key, String error) {
        Agent agent = byKeyOrThrow(tenant, key);
        agent.finishWork(error, clock.instant());
        agents.save(agent);
    }

    private Agent byKeyOrThrow(TenantId tenant, String key) {
        return agents.findByTenantIdAndKey(tenant, key).orElseThrow(() -> ApiException.notFound("Agent", key));
    }

    private Agent load(TenantId tenant, UUID id) {
        return agents.findByTenantIdAndId(tenant, id).orElseThrow(() -> ApiException.notFound("Agent", id));
    }
}
