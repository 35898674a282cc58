package ai.revo.missioncontrol.ai.web;

import ai.revo.missioncontrol.ai.LlmLogView;
import ai.revo.missioncontrol.ai.LlmLogs;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "AI")
class LlmLogController {

    private final LlmLogs logs;

    LlmLogController(LlmLogs logs) {
        this.logs = logs;
    }

    @GetMapping("/api/v1/logs/llm")
    @Operation(summary = "Every LLM call, model or template, newest first; filters runId, promptKey, outcome")
    PageResult<LlmLogView> list(
            CurrentUser user,
            @RequestParam(required = false) UUID runId,
            @RequestParam(required = false) String promptKey,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return logs.logs(user.tenantId(), runId, promptKey, outcome, new PageQuery(page, limit));
    }
}
