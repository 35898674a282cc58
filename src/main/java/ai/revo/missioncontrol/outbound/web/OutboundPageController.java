package ai.revo.missioncontrol.outbound.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.outbound.OutboundGateway;
import ai.revo.missioncontrol.outbound.OutboundLog;
import ai.revo.missioncontrol.outbound.OutboundMessage;
import ai.revo.missioncontrol.outbound.OutboundStatus;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.safety.Channel;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The outbound page: every message simulated, blocked or sent, exactly as it was; and a test send for admins. */
@Controller
@RequestMapping("/outbound")
class OutboundPageController {

    private final OutboundLog log;
    private final OutboundGateway gateway;

    OutboundPageController(OutboundLog log, OutboundGateway gateway) {
        this.log = log;
        this.gateway = gateway;
    }

    @Bean
    static NavigationItem outboundNavigation() {
        return new NavigationItem(NavigationGroup.WATCH, "Outbound", "/outbound", "send", 600, null);
    }

    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(required = false) OutboundStatus status,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("messages", log.list(user.tenantId(), status, channel, null, new PageQuery(page, 50)));
        model.addAttribute("status", status);
        model.addAttribute("channel", channel);
        model.addAttribute("statuses", OutboundStatus.values());
        model.addAttribute("channels", Channel.values());
        return htmx != null ? "outbound/outbound :: messages" : "outbound/outbound";
    }

    /** An UNKNOWN message: a person states it went out. The list reloads. */
    @PostMapping("/{id}/mark-sent")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String markSent(
            CurrentUser user,
            @org.springframework.web.bind.annotation.PathVariable UUID id,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("m", gateway.markSent(user.tenantId(), id, user.actor()));
        response.setHeader("HX-Refresh", "true");
        return "outbound/outbound :: decision";
    }

    /** An UNKNOWN message: a person sends it again. The list reloads. */
    @PostMapping("/{id}/send-again")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String sendAgain(
            CurrentUser user,
            @org.springframework.web.bind.annotation.PathVariable UUID id,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("m", gateway.sendAgain(user.tenantId(), id, user.actor()));
        response.setHeader("HX-Refresh", "true");
        return "outbound/outbound :: decision";
    }

    @PostMapping("/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(
            CurrentUser user,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String body,
            Model model) {
        model.addAttribute(
                "result",
                gateway.submit(
                        user.tenantId(),
                        new OutboundMessage(
                                channel,
                                to,
                                subject,
                                body,
                                null,
                                null,
                                null,
                                "test-" + UUID.randomUUID(),
                                user.actor())));
        return "outbound/outbound :: test-result";
    }
}
