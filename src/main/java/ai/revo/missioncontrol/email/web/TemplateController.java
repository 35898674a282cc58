package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.email.MergeFields;
import ai.revo.missioncontrol.email.TemplateView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Email templates: read by everyone, written by ADMIN and OPERATOR. */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplateController {

    private final EmailTemplates templates;

    TemplateController(EmailTemplates templates) {
        this.templates = templates;
    }

    record Content(String subject, String body) {}

    record TemplateRequest(
            String title, String description, Content content, String category, String tone, Boolean favourite) {

        EmailTemplates.TemplateFields fields() {
            return new EmailTemplates.TemplateFields(
                    title,
                    description,
                    content == null ? null : content.subject(),
                    content == null ? null : content.body(),
                    category,
                    tone,
                    favourite);
        }
    }

    record RenderRequest(
            UUID leadId,
            UUID campaignId,
            String firstName,
            String lastName,
            String email,
            String phone,
            String company,
            String jobTitle,
            String city,
            String country) {

        EmailTemplates.RenderInput input() {
            return new EmailTemplates.RenderInput(
                    leadId,
                    campaignId,
                    new MergeFields.Prospect(firstName, lastName, email, phone, company, jobTitle, city, country));
        }
    }

    record FieldCheck(String subject, String body) {}

    @GetMapping
    @Operation(summary = "The workspace's templates, favourites first, with usage and open and reply rates")
    PageResult<TemplateView> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return templates.list(user.tenantId(), q, category, new PageQuery(page, limit));
    }

    @GetMapping("/fields")
    @Operation(summary = "The merge fields a template may use, with where each value comes from")
    Map<String, String> fields() {
        return MergeFields.FIELDS;
    }

    @PostMapping("/validate")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "The unknown merge fields of {subject, body} (empty when the template can be saved)")
    Map<String, List<String>> validate(@RequestBody FieldCheck check) {
        return Map.of(
                "unknownFields",
                templates.unknownFields(check.subject(), check.body()),
                "fields",
                MergeFields.used(check.subject(), check.body()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One template")
    TemplateView get(CurrentUser user, @PathVariable UUID id) {
        return templates.get(user.tenantId(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(
            summary =
                    "Creates a template {title, description, content: {subject, body}, category, tone, favourite}; 400 naming an unknown merge field")
    TemplateView create(CurrentUser user, @RequestBody TemplateRequest r) {
        return templates.create(user.tenantId(), r.fields(), user.actor());
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "Changes the given fields of a template; 400 naming an unknown merge field")
    TemplateView change(CurrentUser user, @PathVariable UUID id, @RequestBody TemplateRequest r) {
        return templates.change(user.tenantId(), id, r.fields(), user.actor());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    @Operation(summary = "Deletes a template (emails sent with it keep their template id)")
    void delete(CurrentUser user, @PathVariable UUID id) {
        templates.delete(user.tenantId(), id, user.actor());
    }

    @PostMapping("/{id}/render")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR', 'CLOSER')")
    @Operation(
            summary =
                    "Renders a template for a lead {leadId, campaignId?} or for prospect fields {firstName, company ...}, signed by the caller")
    EmailTemplates.Rendered render(
            CurrentUser user, @PathVariable UUID id, @RequestBody(required = false) RenderRequest r) {
        RenderRequest req =
                r == null ? new RenderRequest(null, null, null, null, null, null, null, null, null, null) : r;
        return templates.render(user.tenantId(), id, req.input(), user.id());
    }
}
