package ai.revo.missioncontrol.activity.web;

import ai.revo.missioncontrol.activity.ActivityFeed;
import ai.revo.missioncontrol.activity.AuditEntry;
import ai.revo.missioncontrol.activity.AuditFilter;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Audit")
class AuditController {

    private final ActivityFeed feed;

    AuditController(ActivityFeed feed) {
        this.feed = feed;
    }

    record AuditQuery(String action, String entityType, String entityId, String actor, String since, String until) {
        AuditFilter toFilter() {
            return new AuditFilter(
                    action,
                    entityType,
                    entityId,
                    actor,
                    EventQuery.instant("since", since),
                    EventQuery.instant("until", until));
        }
    }

    @GetMapping
    @Operation(
            summary = "The audit log, newest first",
            description =
                    "Filters: action (prefix), entityType, entityId, actor (id or USER/AGENT/SYSTEM), since, until.")
    PageResult<AuditEntry> list(
            CurrentUser user,
            AuditQuery query,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return feed.audit(user.tenantId(), query.toFilter(), new PageQuery(page, limit));
    }

    @GetMapping("/export.csv")
    @Operation(
            summary = "The audit log as CSV, streamed",
            description = "Same filters as the list. Cells starting with =, +, - or @ are neutralised against "
                    + "spreadsheet formula injection.")
    ResponseEntity<StreamingResponseBody> export(CurrentUser user, AuditQuery query) {
        return csv(feed, user, query.toFilter());
    }

    static ResponseEntity<StreamingResponseBody> csv(ActivityFeed feed, CurrentUser user, AuditFilter filter) {
        StreamingResponseBody body = out -> TenantContext.runAs(user.tenantId().value(), () -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            feed.exportAudit(user.tenantId(), filter, writer);
        });
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
