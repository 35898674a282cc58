package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The admin's audit page: filters, paging, live refresh and CSV export. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

    private final ActivityFeed feed;

    AuditPageController(ActivityFeed feed) {
        this.feed = feed;
    }

    @Bean
    static NavigationItem auditNavigation() {
        return new NavigationItem(NavigationGroup.WATCH, "Audit", "/audit", "list-check", 800, "ADMIN");
    }

    @GetMapping
    String page(
            CurrentUser user,
            AuditController.AuditQuery query,
            @RequestParam(required = false) Integer page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("entries", feed.describedAudit(user.tenantId(), query.toFilter(), new PageQuery(page, 50)));
        model.addAttribute("query", query);
        return htmx != null ? "activity/audit :: audit-table" : "activity/audit";
    }

    @GetMapping("/export.csv")
    ResponseEntity<StreamingResponseBody> export(CurrentUser user, AuditController.AuditQuery query) {
        return AuditController.csv(feed, user, query.toFilter());
    }
}
