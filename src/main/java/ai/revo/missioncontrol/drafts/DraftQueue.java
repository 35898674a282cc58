package ai.revo.missioncontrol.drafts;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only figures about the approval queue, for the home page and the notifications. */
@Service
public class DraftQueue {

    private final JdbcClient jdbc;
    private final Clock clock;

    DraftQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What waits for approval; {@code overdue} counts drafts submitted more than {@code threshold} ago. */
    @Transactional(readOnly = true)
    public WaitingDrafts waiting(TenantId tenant, Duration threshold) {
        Instant cutoff = clock.instant().minus(threshold);
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        long[] totals = new long[2];
        jdbc.sql("""
                select channel, count(*) as n, count(*) filter (where submitted_at < ?) as overdue
                from drafts where tenant_id = ? and status = 'NEEDS_APPROVAL' group by channel
                """).params(Timestamp.from(cutoff), tenant.value()).query(rs -> {
            byChannel.put(Channel.valueOf(rs.getString("channel")), rs.getLong("n"));
            totals[0] += rs.getLong("n");
            totals[1] += rs.getLong("overdue");
        });
        if (totals[0] == 0) {
            return new WaitingDrafts(0, 0, null, null, byChannel);
        }
        record Oldest(UUID id, Instant at) {}
        Oldest oldest = jdbc.sql("""
                select id, submitted_at from drafts where tenant_id = ? and status = 'NEEDS_APPROVAL'
                order by submitted_at nulls last, id limit 1
                """)
                .param(tenant.value())
                .query((rs, n) -> new Oldest(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("submitted_at") == null
                                ? null
                                : rs.getTimestamp("submitted_at").toInstant()))
                .single();
        return new WaitingDrafts(totals[0], totals[1], oldest.id(), oldest.at(), byChannel);
    }
}
