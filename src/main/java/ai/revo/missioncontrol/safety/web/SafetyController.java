package ai.revo.missioncontrol.safety.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import ai.revo.missioncontrol.safety.SafetyManagement;
import ai.revo.missioncontrol.safety.SafetyView;
import ai.revo.missioncontrol.safety.SuppressionView;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Safety")
class SafetyController {

    private final SafetyManagement safety;

    SafetyController(SafetyManagement safety) {
        this.safety = safety;
    }

    record SuppressRequest(Channel channel, String address, String reason, String note) {}

    @GetMapping("/settings/safety")
    @Operation(summary = "Dry run, global pause and the per-channel outbound switches")
    SafetyView settings(CurrentUser user) {
        return safety.settings(user.tenantId());
    }

    @PatchMapping("/settings/safety")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Change any part of the safety settings, e.g. {\"channels\": {\"EMAIL\": true}}",
            description = "Each switch that moves emits its event and an audit entry with before and after.")
    SafetyView change(CurrentUser user, @RequestBody JsonNode body) {
        return safety.change(user.tenantId(), SafetyChangeParser.parse(body), user.actor());
    }

    @GetMapping("/suppressions")
    @Operation(summary = "The suppression list", description = "Filters: channel, q (part of the address).")
    PageResult<SuppressionView> suppressions(
            CurrentUser user,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return safety.suppressions(user.tenantId(), channel, q, new PageQuery(page, limit));
    }

    @PostMapping("/suppressions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Suppress an address on a channel",
            description =
                    "reason: UNSUBSCRIBED, BOUNCED, COMPLAINED, DND or MANUAL (default). Emails are lower-cased, phones "
                            + "normalised to E.164. 409 when already suppressed.")
    SuppressionView suppress(CurrentUser user, @RequestBody SuppressRequest request) {
        return safety.suppress(
                user.tenantId(), request.channel(), request.address(), request.reason(), request.note(), user.actor());
    }

    @DeleteMapping("/suppressions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Lift a suppression")
    void unsuppress(CurrentUser user, @PathVariable UUID id) {
        safety.unsuppress(user.tenantId(), id, user.actor());
    }
}
