package ai.revo.missioncontrol.conversations;

import ai.revo.missioncontrol.email.EmailReplies;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.TenantContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Files into conversations the replies that never were: those recorded before this module existed (V0091), and any
 * whose {@code ReplyReceived} was lost. A cluster task (one node at a time; first run when the first node of this version
 * starts, then every {@code mc.conversations.reply-backfill-every}, 6 hours by default) walks each workspace's replies recorded more
 * than {@link #SETTLE} ago and files those without a conversation message, each in its own transaction, exactly as
 * the live path does ({@link ConversationManagement#recordReply}), so they show in the Inbox and on the contact's
 * timeline. Idempotent: a filed reply is found by its key and left alone.
 */
@Configuration(proxyBeanMethods = false)
class ReplyBackfill {

    private static final Logger log = LoggerFactory.getLogger(ReplyBackfill.class);

    /** Younger replies are left to the live listener, which files them within moments of the webhook. */
    static final Duration SETTLE = Duration.ofMinutes(10);

    private static final int BATCH = 500;

    private final EmailReplies replies;
    private final ConversationManagement conversations;
    private final Clock clock;

    ReplyBackfill(EmailReplies replies, ConversationManagement conversations, Clock clock) {
        this.replies = replies;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Bean
    static RecurringTask<Void> conversationsReplyBackfill(
            org.springframework.beans.factory.ObjectProvider<ReplyBackfill> backfill,
            @Value("${mc.conversations.reply-backfill-every:6h}") Duration every) {
        return Tasks.recurring("conversations-reply-backfill", FixedDelay.of(every))
                .execute((instance, context) -> backfill.getObject().fileUnfiledReplies());
    }

    /** Files every unfiled reply of every workspace; answers how many were filed. */
    int fileUnfiledReplies() {
        Instant before = clock.instant().minus(SETTLE);
        int filed = 0;
        for (TenantId tenant : replies.workspacesWithReplies()) {
            try {
                filed += TenantContext.callAs(tenant.value(), () -> fileUnfiledReplies(tenant, before));
            } catch (RuntimeException e) {
                log.warn("Could not file the old replies of workspace {}: {}", tenant.value(), e.getMessage());
            }
        }
        if (filed > 0) {
            log.info("Filed {} replies recorded without a conversation", filed);
        }
        return filed;
    }

    private int fileUnfiledReplies(TenantId tenant, Instant before) {
        int filed = 0;
        UUID after = null;
        while (true) {
            List<UUID> page = replies.replyIds(tenant, after, before, BATCH);
            if (page.isEmpty()) {
                return filed;
            }
            Set<UUID> already = conversations.filedReplies(tenant, page);
            for (UUID reply : page) {
                if (already.contains(reply)) {
                    continue;
                }
                try {
                    if (conversations.recordReply(tenant, reply).isPresent()) {
                        filed++;
                    }
                } catch (DataIntegrityViolationException raced) {
                    // the live listener filed it at the same moment: its unique key kept it to one message
                } catch (RuntimeException e) {
                    log.warn("Could not file reply {} of workspace {}: {}", reply, tenant.value(), e.getMessage());
                }
            }
            if (page.size() < BATCH) {
                return filed;
            }
            after = page.get(page.size() - 1);
        }
    }
}
