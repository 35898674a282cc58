package ai.revo.missioncontrol.outbound.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.outbound.OutboundView;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/outbound")
@Tag(name = "Outbound")
class OutboundController {

    private final OutboundLog log;
    private final OutboundGateway gateway;

    OutboundController(OutboundLog log, OutboundGateway gateway) {
        this.log = log;
        this.gateway = gateway;
    }

    record TestMessage(Channel channel, String to, String subject, String body, String idempotencyKey) {}

    @GetMapping
    @Operation(summary = "Messages simulated, blocked or sent", description = "Filters: status, channel, campaignId.")
    PageResult<OutboundView> list(
            CurrentUser user,
            @RequestParam(required = false) OutboundStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return log.list(user.tenantId(), status, channel, campaignId, new PageQuery(page, limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One outbound message, exactly as it was simulated, blocked or sent")
    OutboundView get(CurrentUser user, @PathVariable UUID id) {
        return log.get(user.tenantId(), id);
    }

    @PostMapping("/{id}/mark-sent")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "State that an UNKNOWN message did go out: it becomes SENT (audited, outbound.marked_sent)",
            description = "For a message whose provider call started and never recorded an outcome (its node "
                    + "stopped). 404 unknown id; 409 CONFLICT when it is not UNKNOWN or was already decided about.")
    OutboundView markSent(CurrentUser user, @PathVariable UUID id) {
        return gateway.markSent(user.tenantId(), id, user.actor());
    }

    @PostMapping("/{id}/send-again")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary = "Send an UNKNOWN message again (audited, outbound.sent_again)",
            description = "It stays UNKNOWN with resolution SENT_AGAIN, and goes out once more through every check: "
                    + "as a new message with the key <key>:again, or, for an email of the email module, as that "
                    + "email's next attempt. 404 unknown id; 409 CONFLICT when it is not UNKNOWN or was already "
                    + "decided about.")
    OutboundView sendAgain(CurrentUser user, @PathVariable UUID id) {
        return gateway.sendAgain(user.tenantId(), id, user.actor());
    }

    @PostMapping("/test")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Send a test message through the gateway",
            description = "Goes through every safety check like any other message (pause, dry run, channel switch, "
                    + "suppression, provider). idempotencyKey is required; repeating it returns the first outcome.")
    OutboundView test(CurrentUser user, @RequestBody TestMessage message) {
        return gateway.submit(
                user.tenantId(),
                new OutboundMessage(
                        message.channel(),
                        message.to(),
                        message.subject(),
                        message.body(),
                        null,
                        null,
                        null,
                        message.idempotencyKey(),
                        user.actor()));
    }
}
