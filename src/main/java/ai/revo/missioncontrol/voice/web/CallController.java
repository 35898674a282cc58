package ai.revo.missioncontrol.voice.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.voice.CallView;
import ai.revo.missioncontrol.voice.Calls;
import ai.revo.missioncontrol.voice.VoiceSettingsView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Voice")
class CallController {

    private final Calls calls;

    CallController(Calls calls) {
        this.calls = calls;
    }

    @GetMapping("/api/v1/calls")
    @Operation(summary = "The workspace's calls, newest first (siteId, contactId filter); transcripts left out")
    PageResult<CallView> list(
            CurrentUser user,
            @RequestParam(required = false) UUID siteId,
            @RequestParam(required = false) UUID contactId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return calls.list(user.tenantId(), siteId, contactId, new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/calls/{id}")
    @Operation(summary = "One call with its transcript, summary and recording link")
    CallView get(CurrentUser user, @PathVariable UUID id) {
        return calls.get(user.tenantId(), id);
    }

    @GetMapping("/api/v1/sites/{id}/voice")
    @Operation(summary = "A site's voice settings: the Vapi server URL, assistant, tools answered, unavailable message")
    VoiceSettingsView settings(CurrentUser user, @PathVariable UUID id) {
        return calls.settings(user.tenantId(), id);
    }

    @PutMapping("/api/v1/sites/{id}/voice")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change a site's voice settings (admin)",
            description = "assistantId: the Vapi assistant to answer assistant-request with; tools: lookup_contact, "
                    + "book_callback; unavailableMessage: spoken when the site is paused or has no assistant.")
    VoiceSettingsView change(
            CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) VoiceSettingsView.Change body) {
        return calls.changeSettings(user.tenantId(), id, body, user.actor());
    }
}
