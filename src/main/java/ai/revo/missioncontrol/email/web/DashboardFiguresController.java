package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailFigures;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's email numbers. Opens and replies count each email's first open and first reply once. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard")
class DashboardFiguresController {

    private final EmailFigures figures;

    DashboardFiguresController(EmailFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/stats")
    @Operation(
            summary = "Emails sent (today, in the workspace's time zone, and in all), opens, replies, rates (%) "
                    + "and active campaigns")
    EmailFigures.Stats stats(CurrentUser user) {
        return figures.stats(user.tenantId());
    }

    @GetMapping("/timeline")
    @Operation(summary = "Per day: sent, first opens, first replies (days=1..90, default 14), and recent emails")
    EmailFigures.Timeline timeline(CurrentUser user, @RequestParam(required = false) Integer days) {
        if (days != null && (days < 1 || days > EmailFigures.MAX_DAYS)) {
            throw ApiException.invalidField("days", "must be between 1 and " + EmailFigures.MAX_DAYS);
        }
        return figures.timeline(user.tenantId(), days == null ? 14 : days);
    }

    @GetMapping("/momentum")
    @Operation(summary = "First opens and first replies per hour over the last 48 hours")
    EmailFigures.Momentum momentum(CurrentUser user) {
        return figures.momentum(user.tenantId());
    }

    @GetMapping("/campaigns")
    @Operation(summary = "Per campaign: sent, opens, replies and rates")
    Map<String, List<EmailFigures.CampaignFigures>> campaigns(CurrentUser user) {
        return Map.of("data", figures.campaigns(user.tenantId()));
    }
}
