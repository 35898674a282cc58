package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the outbound message log: what was simulated, blocked or sent, and why. */
@Service
public class OutboundLog {

    private final OutboundRepository messages;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final java.time.Clock clock;

    OutboundLog(
            OutboundRepository messages, org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every workspace's volume (for the instance operator; installation-wide, not a workspace's view). */
    public java.util.Map<UUID, WorkspaceVolume> volumes() {
        java.util.Map<UUID, WorkspaceVolume> volumes = new java.util.HashMap<>();
        jdbc.sql("select * from outbound_workspace_volumes(?)")
                .param(java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1))))
                .query((rs, i) -> {
                    java.sql.Timestamp last = rs.getTimestamp("last_sent_at");
                    return new WorkspaceVolume(
                            rs.getObject("tenant_id", UUID.class),
                            rs.getLong("sent_since"),
                            rs.getLong("refused_since"),
                            rs.getLong("sent_total"),
                            last == null ? null : last.toInstant());
                })
                .list()
                .forEach(v -> volumes.put(v.workspaceId(), v));
        return volumes;
    }

    @Transactional(readOnly = true)
    public PageResult<OutboundView> list(
            TenantId tenant, OutboundStatus status, Channel channel, UUID campaignId, PageQuery page) {
        String s = status == null ? null : status.name();
        String c = channel == null ? null : channel.name();
        return PageResult.of(
                messages.findPage(tenant, s, c, campaignId, page.limit(), page.offset()).stream()
                        .map(OutboundRecord::view)
                        .toList(),
                page,
                messages.count(tenant, s, c, campaignId));
    }

    /** The message handed to the gateway under this idempotency key, or empty. */
    @Transactional(readOnly = true)
    public java.util.Optional<OutboundView> byIdempotencyKey(TenantId tenant, String key) {
        return messages.findByTenantIdAndIdempotencyKey(tenant, key).map(OutboundRecord::view);
    }

    @Transactional(readOnly = true)
    public OutboundView get(TenantId tenant, UUID id) {
        return messages.findByTenantIdAndId(tenant, id)
                .map(OutboundRecord::view)
                .orElseThrow(() -> ApiException.notFound("Outbound message", id));
    }

    /** The messages with these ids in this workspace, in one query (unknown ids are left out). */
    @Transactional(readOnly = true)
    public java.util.List<OutboundView> getAll(TenantId tenant, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.List.of();
        }
        return messages.findAllByTenantIdAndIdIn(tenant, ids).stream()
                .map(OutboundRecord::view)
                .toList();
    }
}
