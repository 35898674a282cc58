package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.ComposerDraftView;
import ai.revo.missioncontrol.email.ComposerDrafts;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ErrorBody;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.RequestId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The composer's drafts: read by everyone, written by ADMIN, OPERATOR and CLOSER. */
@RestController
@RequestMapping("/api/v1/emails")
@Tag(name = "Composer")
class ComposerDraftController {

    private final ComposerDrafts drafts;
    private final ai.revo.missioncontrol.email.ComposerProspects prospects;

    ComposerDraftController(ComposerDrafts drafts, ai.revo.missioncontrol.email.ComposerProspects prospects) {
        this.drafts = drafts;
        this.prospects = prospects;
    }

    @GetMapping("/prospects")
    @Operation(
            summary = "The composer's prospect search: people whose name, email or company matches q, each once",
            description = "Each with the campaigns they are a lead in (leadId, campaignId, campaignName, status); "
                    + "people without an email address are left out. limit 1-50 (default 10).")
    PageResult<ai.revo.missioncontrol.email.ComposerProspects.Prospect> prospects(
            CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) Integer limit) {
        int max = limit == null ? 10 : limit;
        if (max < 1 || max > 50) {
            throw ai.revo.missioncontrol.platform.ApiException.invalidField("limit", "must be between 1 and 50");
        }
        var found = prospects.search(user.tenantId(), q, max);
        return PageResult.of(found, new PageQuery(1, max), found.size());
    }

    record DraftRequest(
            UUID id,
            UUID prospectId,
            UUID campaignId,
            UUID templateId,
            String subject,
            String bodyHtml,
            String bodyText) {

        ComposerDrafts.DraftContent content() {
            return new ComposerDrafts.DraftContent(id, prospectId, campaignId, templateId, subject, bodyHtml, bodyText);
        }
    }

    @PostMapping("/draft")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary =
                    "Creates or replaces a draft {id?, prospectId?, campaignId?, templateId?, subject?, bodyHtml?, bodyText?}: idempotent, the client may choose the id; answers {id, updatedAt}")
    ComposerDraftView.Saved save(CurrentUser user, @RequestBody DraftRequest r) {
        return drafts.save(user.tenantId(), r.content(), user.actor());
    }

    @GetMapping("/drafts")
    @Operation(summary = "The workspace's composer drafts, newest first")
    PageResult<ComposerDraftView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return drafts.list(user.tenantId(), new PageQuery(page, limit));
    }

    @GetMapping("/drafts/{id}")
    @Operation(summary = "One composer draft")
    ComposerDraftView get(CurrentUser user, @PathVariable UUID id) {
        return drafts.get(user.tenantId(), id);
    }

    @DeleteMapping("/draft/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(summary = "Deletes a composer draft")
    void delete(CurrentUser user, @PathVariable UUID id) {
        drafts.delete(user.tenantId(), id, user.actor());
    }

    @ExceptionHandler(ComposerDrafts.TooLarge.class)
    ResponseEntity<ErrorBody> tooLarge(ComposerDrafts.TooLarge e) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(new ErrorBody(new ErrorBody.Error(
                        "PAYLOAD_TOO_LARGE",
                        e.getMessage(),
                        Map.of("maxBytes", ComposerDrafts.MAX_BYTES),
                        Instant.now(),
                        RequestId.current())));
    }
}
