package ai.revo.missioncontrol.dashboard;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.outbound.ChannelStatus;
import ai.revo.missioncontrol.outbound.ChannelStatuses;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/settings/channels}: every channel with its real status for the workspace. */
@RestController
class ChannelsApiController {

    private final ChannelStatuses channels;

    ChannelsApiController(ChannelStatuses channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/settings/channels")
    Map<String, List<ChannelStatus>> channels(CurrentUser user) {
        return Map.of("data", channels.all(user.tenantId()));
    }
}
