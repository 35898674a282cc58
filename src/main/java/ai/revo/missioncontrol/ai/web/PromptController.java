package ai.revo.missioncontrol.ai.web;

import ai.revo.missioncontrol.ai.PromptCatalog;
import ai.revo.missioncontrol.ai.PromptChange;
import ai.revo.missioncontrol.ai.PromptDetail;
import ai.revo.missioncontrol.ai.PromptDiff;
import ai.revo.missioncontrol.ai.PromptSummary;
import ai.revo.missioncontrol.ai.PromptView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/prompts")
@Tag(name = "Prompts")
class PromptController {

    private final PromptCatalog prompts;

    PromptController(PromptCatalog prompts) {
        this.prompts = prompts;
    }

    record PromptPatch(
            String systemTemplate,
            String template,
            String fallbackTemplate,
            Map<String, Object> outputSchema,
            String notes) {}

    record Activation(Integer version) {}

    record AutomaticUse(Integer version, Boolean approved) {}

    @GetMapping
    @Operation(summary = "The workspace's prompts with their active version")
    PageResult<PromptSummary> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        PageQuery query = new PageQuery(page, limit);
        List<PromptSummary> all = prompts.list(user.tenantId());
        int from = (int) Math.min(query.offset(), all.size());
        return PageResult.of(all.subList(from, Math.min(from + query.limit(), all.size())), query, all.size());
    }

    @GetMapping("/{key}")
    @Operation(summary = "A prompt with all its versions, newest first")
    PromptDetail get(CurrentUser user, @PathVariable String key) {
        return prompts.get(user.tenantId(), key);
    }

    @PatchMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Creates the next version from the active one with these fields changed, and activates it")
    PromptView update(CurrentUser user, @PathVariable String key, @RequestBody PromptPatch patch) {
        return prompts.update(
                user.tenantId(),
                key,
                new PromptChange(
                        patch.systemTemplate(),
                        patch.template(),
                        patch.fallbackTemplate(),
                        patch.outputSchema(),
                        patch.notes()),
                user.actor());
    }

    @PostMapping("/{key}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Makes an older version active again (rollback): {version}")
    PromptView activate(CurrentUser user, @PathVariable String key, @RequestBody Activation activation) {
        return prompts.activate(user.tenantId(), key, activation.version(), user.actor());
    }

    @PostMapping("/{key}/automatic-use")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Approves one version's fallback template for automatic use, or withdraws it: "
                    + "{version, approved}",
            description = "Only drafts written by an approved template may be auto-approved in template mode; "
                    + "a template has no confidence of its own.")
    PromptView automaticUse(CurrentUser user, @PathVariable String key, @RequestBody AutomaticUse r) {
        return prompts.approveForAutomaticUse(
                user.tenantId(), key, r.version(), r.approved() == null || r.approved(), user.actor());
    }

    @GetMapping("/{key}/diff")
    @Operation(summary = "The line diff between two versions: ?from=&to=")
    PromptDiff diff(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        return prompts.diff(user.tenantId(), key, from, to);
    }
}
