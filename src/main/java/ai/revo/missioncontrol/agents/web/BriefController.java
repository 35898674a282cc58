package ai.revo.missioncontrol.agents.web;

import ai.revo.missioncontrol.agents.BriefView;
import ai.revo.missioncontrol.agents.Briefs;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Briefs")
class BriefController {

    private final Briefs briefs;

    BriefController(Briefs briefs) {
        this.briefs = briefs;
    }

    @GetMapping("/api/v1/briefs/latest")
    @Operation(summary = "The latest daily brief (404 when none was written yet)")
    BriefView latest(CurrentUser user) {
        return briefs.latest(user.tenantId())
                .orElseThrow(() -> new ApiException(
                        ai.revo.missioncontrol.platform.ErrorCode.NOT_FOUND, "No daily brief has been written yet"));
    }

    @GetMapping("/api/v1/briefs")
    @Operation(summary = "Daily briefs, newest first")
    PageResult<BriefView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return briefs.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/api/v1/briefs/{id}")
    @Operation(summary = "One daily brief")
    BriefView get(CurrentUser user, @PathVariable UUID id) {
        return briefs.get(user.tenantId(), id);
    }
}
