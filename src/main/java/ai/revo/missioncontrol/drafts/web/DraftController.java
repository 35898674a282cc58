package ai.revo.missioncontrol.drafts.web;

import ai.revo.missioncontrol.drafts.Decision;
import ai.revo.missioncontrol.drafts.DraftContent;
import ai.revo.missioncontrol.drafts.DraftManagement;
import ai.revo.missioncontrol.drafts.DraftStatus;
import ai.revo.missioncontrol.drafts.DraftVersionView;
import ai.revo.missioncontrol.drafts.DraftView;
import ai.revo.missioncontrol.drafts.LineDiff;
import ai.revo.missioncontrol.drafts.Priority;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.Role;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.safety.Channel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/drafts")
@Tag(name = "Drafts and approvals")
class DraftController {

    private final DraftManagement drafts;

    DraftController(DraftManagement drafts) {
        this.drafts = drafts;
    }

    record WriteDraft(
            UUID campaignId,
            UUID leadId,
            Channel channel,
            String subject,
            String bodyText,
            String bodyHtml,
            Priority priority) {}
    // no checks or confidence: they are computed by the server (the agents' checks), never set by a writer; a
    // request that names them is refused as an unknown field

    record ChangeDraft(
            String subject, String bodyText, String bodyHtml, Priority priority, DraftStatus status, String reason) {}

    record Notes(String notes, String reason) {}

    record InlineEdit(String subject, String bodyText, String bodyHtml, String body) {}

    @GetMapping
    @Operation(summary = "Drafts, newest first", description = "Filters: status, campaignId, leadId.")
    PageResult<DraftView> list(
            CurrentUser user,
            @RequestParam(required = false) DraftStatus status,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) UUID leadId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return drafts.list(user.tenantId(), status, campaignId, leadId, new PageQuery(page, limit));
    }

    @PostMapping
    @Operation(summary = "Write a draft (version 1) for a campaign and, optionally, one of its leads")
    ResponseEntity<DraftView> write(CurrentUser user, @RequestBody WriteDraft r) {
        return tagged(
                HttpStatus.CREATED,
                drafts.write(
                        user.tenantId(),
                        r.campaignId(),
                        r.leadId(),
                        r.channel(),
                        new DraftContent(r.subject(), r.bodyText(), r.bodyHtml()),
                        r.priority(),
                        null,
                        null,
                        user.actor()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One draft; the ETag header is its version for If-Match")
    ResponseEntity<DraftView> get(CurrentUser user, @PathVariable UUID id) {
        return tagged(HttpStatus.OK, drafts.get(user.tenantId(), id));
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Revise a draft (each content change is a new version), or submit it with "
                    + "{status: NEEDS_APPROVAL}",
            description = "Submitting needs ADMIN or OPERATOR. If-Match is honoured.")
    ResponseEntity<DraftView> change(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody ChangeDraft r,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Long etag = etag(ifMatch);
        DraftView view = drafts.revise(
                user.tenantId(),
                id,
                r.subject() == null && r.bodyText() == null && r.bodyHtml() == null
                        ? null
                        : new DraftContent(r.subject(), r.bodyText(), r.bodyHtml()),
                r.priority(),
                r.reason(),
                etag,
                user.actor());
        if (r.status() != null) {
            if (r.status() != DraftStatus.NEEDS_APPROVAL) {
                throw ApiException.invalidField(
                        "status", "can only be set to NEEDS_APPROVAL; decisions have their own endpoints");
            }
            if (user.role() != Role.ADMIN && user.role() != Role.OPERATOR) {
                throw ApiException.forbidden("Only an ADMIN or OPERATOR submits drafts for approval");
            }
            view = drafts.submit(user.tenantId(), id, null, user.actor());
        }
        return tagged(HttpStatus.OK, view);
    }

    @GetMapping("/{id}/versions")
    @Operation(summary = "Every version of the draft, newest first")
    PageResult<DraftVersionView> versions(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return drafts.versions(user.tenantId(), id, new PageQuery(page, limit));
    }

    @GetMapping("/{id}/diff")
    @Operation(summary = "Line diff between two versions: ?from=1&to=2")
    LineDiff diff(CurrentUser user, @PathVariable UUID id, @RequestParam int from, @RequestParam int to) {
        return drafts.diff(user.tenantId(), id, from, to);
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve: the draft is handed to the outbound gateway (simulated while dry run is on)")
    ResponseEntity<DraftView> approve(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return decide(user, id, Decision.APPROVE, null, null, ifMatch);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reject with a reason")
    ResponseEntity<DraftView> reject(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody Notes body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return decide(user, id, Decision.REJECT, body.reason() != null ? body.reason() : body.notes(), null, ifMatch);
    }

    @PostMapping("/{id}/request-changes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Send back to DRAFT with notes")
    ResponseEntity<DraftView> requestChanges(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody Notes body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return decide(user, id, Decision.REQUEST_CHANGES, body.notes(), null, ifMatch);
    }

    @PostMapping("/{id}/edit-inline-approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Edit as the approver (a new version), then approve: {subject, body}")
    ResponseEntity<DraftView> editInlineApprove(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody InlineEdit body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return decide(
                user,
                id,
                Decision.EDIT_INLINE_APPROVE,
                null,
                new DraftContent(
                        body.subject(), body.bodyText() != null ? body.bodyText() : body.body(), body.bodyHtml()),
                ifMatch);
    }

    @PostMapping("/{id}/approve-with-notes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve with notes")
    ResponseEntity<DraftView> approveWithNotes(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestBody Notes body,
            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return decide(user, id, Decision.APPROVE_WITH_NOTES, body.notes(), null, ifMatch);
    }

    private ResponseEntity<DraftView> decide(
            CurrentUser user, UUID id, Decision decision, String notes, DraftContent edit, String ifMatch) {
        return tagged(
                HttpStatus.OK, drafts.decide(user.tenantId(), id, decision, notes, edit, etag(ifMatch), user.actor()));
    }

    private static ResponseEntity<DraftView> tagged(HttpStatus status, DraftView view) {
        return ResponseEntity.status(status).eTag("\"" + view.etag() + "\"").body(view);
    }

    private static Long etag(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField("If-Match", "must be the draft's ETag");
        }
    }
}
