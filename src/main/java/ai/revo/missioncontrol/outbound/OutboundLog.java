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

    OutboundLog(OutboundRepository messages) {
        this.messages = messages;
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

    @Transactional(readOnly = true)
    public OutboundView get(TenantId tenant, UUID id) {
        return messages.findByTenantIdAndId(tenant, id)
                .map(OutboundRecord::view)
                .orElseThrow(() -> ApiException.notFound("Outbound message", id));
    }
}
