package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.drafts.ApprovalInbox;
import ai.revo.missioncontrol.drafts.ApprovalView;
import ai.revo.missioncontrol.drafts.BulkDecisions;
import ai.revo.missioncontrol.drafts.BulkOutcome;
import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.InboxFacets;
import ai.revo.missioncontrol.drafts.InboxFilter;
import ai.revo.missioncontrol.drafts.InboxItem;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Drafts and approvals")
class ApprovalController {

    private final DraftManagement drafts;
    private final ApprovalInbox inbox;
    private final BulkDecisions bulk;

    ApprovalController(DraftManagement drafts, ApprovalInbox inbox, BulkDecisions bulk) {
        this.drafts = drafts;
        this.inbox = inbox;
        this.bulk = bulk;
    }

    /** {@code etags}: the ETag each draft had when the reviewer saw it (optional, per draft). */
    record BulkRequest(Decision decision, List<UUID> draftIds, String reason, Map<UUID, Long> etags) {}

    @GetMapping("/inbox")
    @Operation(
            summary = "Drafts waiting for approval: highest priority, then oldest first; with lead, campaign and "
                    + "whether the channel can send",
            description = "Filters: campaignId, channel, author (AGENT:<key>, USER:<id>, AGENT, USER), priority, "
                    + "minConfidence and maxConfidence (0-1, max exclusive), withoutConfidence=true, q (words of "
                    + "the message, or the lead's name, email or company; 2+ characters). Paged in the database.")
    PageResult<InboxItem> inbox(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) BigDecimal minConfidence,
            @RequestParam(required = false) BigDecimal maxConfidence,
            @RequestParam(required = false) Boolean withoutConfidence,
            @RequestParam(required = false) Priority priority,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return inbox.page(
                user.tenantId(),
                new InboxFilter(
                        campaignId, channel, author, minConfidence, maxConfidence, withoutConfidence, priority, q),
                new PageQuery(page, limit));
    }

    @GetMapping("/inbox/facets")
    @Operation(summary = "What the waiting drafts can be filtered by: campaigns, authors, channels, with counts")
    InboxFacets facets(CurrentUser user) {
        return inbox.facets(user.tenantId());
    }

    @PostMapping("/bulk")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Approve or reject many waiting drafts: {decision: APPROVE|REJECT, draftIds, reason, etags}",
            description = "Each draft is its own decision (own transaction, history, audit entry and event); the "
                    + "answer has one result per draft. A reason is required to reject. 404 when any id is not a "
                    + "draft of this workspace, and then nothing is decided. At most 200 drafts.")
    BulkOutcome bulk(CurrentUser user, @RequestBody BulkRequest r) {
        return bulk.decide(user.tenantId(), r.decision(), r.draftIds(), r.reason(), r.etags(), user.actor());
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
