package ai.revo.missioncontrol.notifications;

import ai.revo.missioncontrol.drafts.DraftQueue;
import ai.revo.missioncontrol.drafts.WaitingDrafts;
import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.outbound.ChannelStatus;
import ai.revo.missioncontrol.outbound.ChannelStatuses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications that describe a state rather than an event: drafts waiting past the threshold
 * ({@code mc.notifications.drafts-waiting-after}, 4 hours by default) and a channel that cannot send while drafts
 * for it wait. Looked at when someone opens the dashboard, at most once a minute per workspace per node; each
 * raises at most one notification a day.
 */
@Service
public class NotificationConditions {

    static final Duration RECHECK = Duration.ofMinutes(1);

    private final DraftQueue drafts;
    private final ChannelStatuses channels;
    private final Notifications notifications;
    private final Clock clock;
    private final Duration threshold;
    private final Map<UUID, Instant> lastChecked = new ConcurrentHashMap<>();

    NotificationConditions(
            DraftQueue drafts,
            ChannelStatuses channels,
            Notifications notifications,
            Clock clock,
            @Value("${mc.notifications.drafts-waiting-after:4h}") Duration threshold) {
        this.drafts = drafts;
        this.channels = channels;
        this.notifications = notifications;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Checks the conditions unless they were checked for this workspace within the last minute. */
    public void checkSoon(TenantId tenant) {
        Instant now = clock.instant();
        Instant last = lastChecked.get(tenant.value());
        if (last != null && last.plus(RECHECK).isAfter(now)) {
            return;
        }
        lastChecked.put(tenant.value(), now);
        check(tenant);
    }

    @Transactional
    public void check(TenantId tenant) {
        WaitingDrafts waiting = drafts.waiting(tenant, threshold);
        String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
        if (waiting.overdue() > 0) {
            notifications.raise(
                    tenant,
                    NotificationKind.DRAFTS_WAITING,
                    "WARNING",
                    Map.of(
                            "count", waiting.overdue(),
                            "hours", threshold.toHours(),
                            "oldestSubmittedAt", String.valueOf(waiting.oldestSubmittedAt())),
                    "/approvals",
                    "DRAFTS_WAITING:" + today);
        }
        waiting.byChannel().forEach((channel, count) -> {
            ChannelStatus status = channels.of(tenant, channel);
            if (!status.canSend()) {
                notifications.raise(
                        tenant,
                        NotificationKind.CHANNEL_CANNOT_SEND,
                        "WARNING",
                        Map.of(
                                "channel",
                                channel.name(),
                                "state",
                                status.state().name(),
                                "count",
                                count),
                        "/settings/channels",
                        "CHANNEL_CANNOT_SEND:" + channel + ":" + today);
            }
        });
    }
}
