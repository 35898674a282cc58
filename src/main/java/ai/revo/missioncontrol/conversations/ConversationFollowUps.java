package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snoozed people's follow-ups: scheduled as durable db-scheduler work (task {@value #TASK}, one instance per
 * follow-up, due after the campaign's snooze days) in the transaction that files the person's message, cancelled
 * when they write again first, and recorded as they are written and sent. The work itself (writing the
 * re-engagement message) is done by the agents module, which owns the task's execution.
 */
@Service
public class ConversationFollowUps {

    private static final Logger log = LoggerFactory.getLogger(ConversationFollowUps.class);

    /** The db-scheduler task a follow-up runs as; its data is the workspace id. */
    public static final String TASK = "conversation-follow-up";

    private static final Set<FollowUpStatus> AFTER_SCHEDULED = Set.of(
            FollowUpStatus.CANCELLED,
            FollowUpStatus.AWAITING_APPROVAL,
            FollowUpStatus.NOT_WRITTEN,
            FollowUpStatus.FAILED,
            FollowUpStatus.DISCARDED);
    private static final Set<FollowUpStatus> AFTER_APPROVAL =
            Set.of(FollowUpStatus.SENT, FollowUpStatus.DISCARDED, FollowUpStatus.REJECTED);

    private final JdbcClient jdbc;
    private final ConversationSettings settings;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConversationFollowUps(
            JdbcClient jdbc,
            ConversationSettings settings,
            ObjectProvider<SchedulerClient> scheduler,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.scheduler = scheduler;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The person's message {@code messageId} asked to be contacted later: a follow-up is scheduled after the
     * campaign's snooze days (30 unless set), replacing one still scheduled. Idempotent per message.
     */
    @Transactional
    public FollowUpView snooze(
            TenantId tenant, UUID conversationId, UUID leadId, UUID campaignId, UUID messageId, String phrase) {
        Optional<FollowUpView> earlier = scheduledBy(tenant, messageId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        cancelPending(tenant, conversationId, "Replaced: the person asked again to be contacted later");
        int days = campaignId == null ? 30 : settings.get(tenant, campaignId).snoozeDays();
        Instant due = clock.instant().plus(Duration.ofDays(days));
        UUID id = UUID.randomUUID();
        String reason = "The person wrote \"" + phrase + "\": follow up in " + days + " days";
        jdbc.sql("""
                insert into conversation_follow_ups (id, tenant_id, conversation_id, lead_id, message_id, due_at,
                    status, reason) values (?, ?, ?, ?, ?, ?, 'SCHEDULED', ?)""")
                .params(id, tenant.value(), conversationId, leadId, messageId, Timestamp.from(due), reason)
                .update();
        SchedulerClient client = scheduler.getObject();
        client.scheduleIfNotExists(
                new TaskInstance<>(TASK, id.toString(), tenant.value().toString()), due);
        if (client instanceof Scheduler local) {
            local.triggerCheckForDueExecutions();
        }
        events.publishEvent(new ConversationFollowUpChanged(
                tenant.value(), conversationId, id, FollowUpStatus.SCHEDULED, due.toString(), reason));
        return get(tenant, id);
    }

    /** Cancels the conversation's scheduled follow-ups (the person wrote again); how many were cancelled. */
    @Transactional
    public int cancelPending(TenantId tenant, UUID conversationId, String reason) {
        List<UUID> pending = jdbc.sql(
                        "select id from conversation_follow_ups where tenant_id = ? and conversation_id = ?"
                                + " and status = 'SCHEDULED' for update")
                .params(tenant.value(), conversationId)
                .query(UUID.class)
                .list();
        for (UUID id : pending) {
            settle(tenant, id, FollowUpStatus.CANCELLED, null, reason);
            try {
                scheduler.getObject().cancel(TaskInstanceId.of(TASK, id.toString()));
            } catch (RuntimeException e) {
                // already picked or gone: the work finds the follow-up CANCELLED and writes nothing
                log.info("Follow-up {} was not waiting in the scheduler any more: {}", id, e.toString());
            }
        }
        return pending.size();
    }

    /**
     * Records what became of a follow-up: from SCHEDULED it may be cancelled, written (waiting for approval, with its
     * draft), not written, failed or discarded; a written one may then be sent, discarded or rejected. Any other move
     * changes nothing (false).
     */
    @Transactional
    public boolean settle(TenantId tenant, UUID id, FollowUpStatus to, UUID draftId, String reason) {
        FollowUpView now = get(tenant, id);
        boolean allowed = (now.status() == FollowUpStatus.SCHEDULED && AFTER_SCHEDULED.contains(to))
                || (now.status() == FollowUpStatus.AWAITING_APPROVAL && AFTER_APPROVAL.contains(to));
        if (!allowed) {
            return false;
        }
        jdbc.sql("""
                update conversation_follow_ups set status = ?, draft_id = coalesce(?, draft_id), reason = ?,
                    version = version + 1, updated_at = ? where tenant_id = ? and id = ?""")
                .params(to.name(), draftId, reason, Timestamp.from(clock.instant()), tenant.value(), id)
                .update();
        events.publishEvent(new ConversationFollowUpChanged(
                tenant.value(), now.conversationId(), id, to, now.dueAt().toString(), reason));
        return true;
    }

    /** The follow-up, or 404. */
    @Transactional(readOnly = true)
    public FollowUpView get(TenantId tenant, UUID id) {
        return jdbc.sql("select * from conversation_follow_ups where tenant_id = ? and id = ?")
                .params(tenant.value(), id)
                .query(ConversationFollowUps::view)
                .optional()
                .orElseThrow(() -> ApiException.notFound("Follow-up", id));
    }

    /** The follow-up the person's message {@code messageId} scheduled, if it did. */
    @Transactional(readOnly = true)
    public Optional<FollowUpView> scheduledBy(TenantId tenant, UUID messageId) {
        return jdbc.sql("select * from conversation_follow_ups where tenant_id = ? and message_id = ?")
                .params(tenant.value(), messageId)
                .query(ConversationFollowUps::view)
                .optional();
    }

    /** The follow-up written into {@code draftId}, if that draft holds one. */
    @Transactional(readOnly = true)
    public Optional<FollowUpView> ofDraft(TenantId tenant, UUID draftId) {
        return jdbc.sql("select * from conversation_follow_ups where tenant_id = ? and draft_id = ?")
                .params(tenant.value(), draftId)
                .query(ConversationFollowUps::view)
                .optional();
    }

    /** The conversation's follow-ups, newest first. 404 for an unknown conversation. */
    @Transactional(readOnly = true)
    public List<FollowUpView> list(TenantId tenant, UUID conversationId) {
        long found = jdbc.sql("select count(*) from conversations where tenant_id = ? and id = ?")
                .params(tenant.value(), conversationId)
                .query(Long.class)
                .single();
        if (found == 0) {
            throw ApiException.notFound("Conversation", conversationId);
        }
        return jdbc.sql("select * from conversation_follow_ups where tenant_id = ? and conversation_id = ?"
                        + " order by created_at desc")
                .params(tenant.value(), conversationId)
                .query(ConversationFollowUps::view)
                .list();
    }

    private static FollowUpView view(ResultSet rs, int n) throws SQLException {
        return new FollowUpView(
                rs.getObject("id", UUID.class),
                rs.getObject("conversation_id", UUID.class),
                rs.getObject("lead_id", UUID.class),
                rs.getObject("message_id", UUID.class),
                rs.getTimestamp("due_at").toInstant(),
                FollowUpStatus.valueOf(rs.getString("status")),
                rs.getObject("draft_id", UUID.class),
                rs.getString("reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
