package ai.revo.missioncontrol.outbound;

import ai.revo.missioncontrol.identity.TenantId;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.safety.SafetyView;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The real status of every channel for a workspace: whether an adapter exists, whether it is configured and
 * whether Safety has it switched on. What the Settings page, the notifications and the approval inbox show.
 */
@Service
public class ChannelStatuses {

    private final Map<Channel, ChannelAdapter> adapters = new EnumMap<>(Channel.class);
    private final SafetyManagement safety;

    ChannelStatuses(List<ChannelAdapter> adapters, SafetyManagement safety) {
        adapters.forEach(a -> this.adapters.putIfAbsent(a.channel(), a));
        this.safety = safety;
    }

    /** Every channel, in the enum's order. */
    public List<ChannelStatus> all(TenantId tenant) {
        SafetyView settings = safety.settings(tenant);
        return Arrays.stream(Channel.values())
                .map(c -> new ChannelStatus(c, state(tenant, c, settings)))
                .toList();
    }

    public ChannelStatus of(TenantId tenant, Channel channel) {
        return new ChannelStatus(channel, state(tenant, channel, safety.settings(tenant)));
    }

    private ChannelStatus.State state(TenantId tenant, Channel channel, SafetyView settings) {
        ChannelAdapter adapter = adapters.get(channel);
        if (adapter == null) {
            return ChannelStatus.State.NOT_AVAILABLE;
        }
        if (!adapter.isConfigured(tenant)) {
            return ChannelStatus.State.NOT_CONFIGURED;
        }
        return settings.channelEnabled(channel) ? ChannelStatus.State.READY : ChannelStatus.State.SWITCHED_OFF;
    }
}
