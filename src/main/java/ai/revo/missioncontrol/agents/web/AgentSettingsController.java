package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.AgentSettings;
import ai.revo.missioncontrol.agents.AgentSettingsView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.safety.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Agents")
class AgentSettingsController {

    private final AgentSettings settings;

    AgentSettingsController(AgentSettings settings) {
        this.settings = settings;
    }

    record Change(
            List<String> autoApprove,
            Channel briefChannel,
            Integer researchEnrolLimit,
            Boolean researchNeedsConfirmation) {}

    @GetMapping("/api/v1/agent-settings")
    @Operation(summary = "What agents may auto-approve (none by default) and where the daily brief goes")
    AgentSettingsView get(CurrentUser user) {
        return settings.get(user.tenantId());
    }

    @PutMapping("/api/v1/agent-settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Replace the agent settings {autoApprove: [FIRST_MESSAGE, SOCIAL_POST], briefChannel: "
                    + "EMAIL|SMS|WHATSAPP|null, researchEnrolLimit?: 1..5000, researchNeedsConfirmation?}. "
                    + "Role: ADMIN",
            description = "The research settings keep their value when left out.")
    AgentSettingsView change(CurrentUser user, @RequestBody Change change) {
        return settings.change(
                user.tenantId(),
                change.autoApprove(),
                change.briefChannel(),
                change.researchEnrolLimit(),
                change.researchNeedsConfirmation(),
                user.actor());
    }
}
