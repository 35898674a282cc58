package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.agents.AgentRegistry;
import ai.revo.missioncontrol.agents.AgentView;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.PipelineColumn;
import ai.revo.missioncontrol.conversations.ConversationManagement;
import ai.revo.missioncontrol.drafts.DraftQueue;
import ai.revo.missioncontrol.drafts.WaitingDrafts;
import ai.revo.missioncontrol.email.EmailFigures;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.scheduling.JobView;
import ai.revo.missioncontrol.scheduling.SchedulerJobs;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a manager looks at first, read from the modules' facades: drafts waiting (and the oldest), replies to
 * answer (conversations waiting for a person's answer, as the Inbox shows them), the pipeline by status with its value, today's sends, opens and replies, the agents'
 * status and the next scheduled jobs.
 */
@Component
class Cockpit {

    /** Everything the home page's cockpit shows. */
    record View(
            WaitingDrafts waiting,
            long repliesToAnswer,
            List<PipelineColumn> pipeline,
            EmailFigures.Day today,
            List<AgentView> agents,
            List<JobView> nextJobs) {}

    private final DraftQueue drafts;
    private final LeadManagement leads;
    private final ConversationManagement conversations;
    private final EmailFigures email;
    private final AgentRegistry agents;
    private final SchedulerJobs jobs;
    private final Duration waitingThreshold;

    Cockpit(
            DraftQueue drafts,
            LeadManagement leads,
            ConversationManagement conversations,
            EmailFigures email,
            AgentRegistry agents,
            SchedulerJobs jobs,
            @Value("${mc.notifications.drafts-waiting-after:4h}") Duration waitingThreshold) {
        this.drafts = drafts;
        this.leads = leads;
        this.conversations = conversations;
        this.email = email;
        this.agents = agents;
        this.jobs = jobs;
        this.waitingThreshold = waitingThreshold;
    }

    View of(TenantId tenant) {
        List<PipelineColumn> pipeline = leads.pipeline(tenant, null);
        List<EmailFigures.Day> days = email.timeline(tenant, 1).days();
        List<JobView> next = jobs.list(tenant, new PageQuery(1, PageQuery.MAX_LIMIT)).data().stream()
                .filter(j -> j.enabled() && j.nextFireAt() != null)
                .sorted(Comparator.comparing(JobView::nextFireAt))
                .limit(5)
                .toList();
        return new View(
                drafts.waiting(tenant, waitingThreshold),
                conversations.toAnswerCount(tenant),
                pipeline,
                days.isEmpty() ? null : days.get(days.size() - 1),
                agents.list(tenant, new PageQuery(1, 50)).data(),
                next);
    }
}
