package ai.revo.missioncontrol.email.web;

import ai.revo.missioncontrol.email.EmailTemplates;
import ai.revo.missioncontrol.email.MergeFields;
import ai.revo.missioncontrol.email.TemplateView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The templates page: list (favourites first) with usage and rates; create, edit and delete for writers. */
@Controller
@RequestMapping("/templates")
class TemplatesPageController {

    private final EmailTemplates templates;

    TemplatesPageController(EmailTemplates templates) {
        this.templates = templates;
    }

    @Bean
    static NavigationItem templatesNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Templates", "/templates", "template", 310, null);
    }

    /** The form's fields, kept when the server refuses them. */
    record Form(
            String title,
            String description,
            String category,
            String tone,
            String subject,
            String body,
            Boolean favourite) {

        static Form of(TemplateView t) {
            return new Form(
                    t.title(),
                    t.description(),
                    t.category(),
                    t.tone(),
                    t.content().subject(),
                    t.content().body(),
                    t.favourite());
        }

        EmailTemplates.TemplateFields fields() {
            return new EmailTemplates.TemplateFields(
                    title,
                    description == null ? "" : description,
                    subject,
                    body,
                    category,
                    tone == null ? "" : tone,
                    Boolean.TRUE.equals(favourite));
        }
    }

    @GetMapping
    String list(CurrentUser user, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("templates", templates.list(user.tenantId(), null, null, new PageQuery(page, 50)));
        model.addAttribute("canWrite", canWrite(user));
        return "email/templates";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String newForm(Model model) {
        return form(
                model,
                null,
                new Form("", "", "General", "", "", "<p>Hi {{firstName|there}},</p>\n<p></p>", false),
                null);
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String editForm(CurrentUser user, @PathVariable UUID id, Model model) {
        return form(model, id, Form.of(templates.get(user.tenantId(), id)), null);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String create(CurrentUser user, Form form, Model model, HttpServletResponse response) {
        try {
            templates.create(user.tenantId(), form.fields(), user.actor());
            return "redirect:/templates?saved";
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            return form(model, null, form, e.getMessage());
        }
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String change(CurrentUser user, @PathVariable UUID id, Form form, Model model, HttpServletResponse response) {
        try {
            templates.change(user.tenantId(), id, form.fields(), user.actor());
            return "redirect:/templates?saved";
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return form(model, id, form, e.getMessage());
        }
    }

    @PostMapping("/{id}/favourite")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String favourite(CurrentUser user, @PathVariable UUID id, @RequestParam boolean favourite) {
        templates.change(
                user.tenantId(),
                id,
                new EmailTemplates.TemplateFields(null, null, null, null, null, null, favourite),
                user.actor());
        return "redirect:/templates";
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String delete(CurrentUser user, @PathVariable UUID id, Model model) {
        templates.delete(user.tenantId(), id, user.actor());
        model.addAttribute("templates", templates.list(user.tenantId(), null, null, new PageQuery(1, 50)));
        model.addAttribute("canWrite", true);
        return "email/templates :: list";
    }

    /** Live validation of the form: the unknown merge fields, as the server will judge them on save. */
    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String check(
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body, Model model) {
        model.addAttribute("unknown", templates.unknownFields(subject, body));
        model.addAttribute("used", MergeFields.used(subject, body));
        return "email/template-form :: check";
    }

    private String form(Model model, UUID id, Form form, String error) {
        model.addAttribute("templateId", id);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("allowed", MergeFields.FIELDS);
        model.addAttribute("unknown", templates.unknownFields(form.subject(), form.body()));
        model.addAttribute("used", MergeFields.used(form.subject(), form.body()));
        return "email/template-form";
    }

    private static boolean canWrite(CurrentUser user) {
        return user.role().name().matches("ADMIN|OPERATOR");
    }
}
