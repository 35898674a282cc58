package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.drafts.ApprovalView;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.InboxItem;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Drafts and approvals")
class ApprovalController {

    private final DraftManagement drafts;

    ApprovalController(DraftManagement drafts) {
        this.drafts = drafts;
    }

    @GetMapping("/inbox")
    @Operation(summary = "Drafts waiting for approval: highest priority, then oldest first; with lead and campaign")
    PageResult<InboxItem> inbox(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return drafts.inbox(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping
    @Operation(summary = "Decision history, newest first", description = "Filter: draftId.")
    PageResult<ApprovalView> history(
            CurrentUser user,
            @RequestParam(required = false) UUID draftId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return drafts.decisions(user.tenantId(), draftId, new PageQuery(page, limit));
    }
}
