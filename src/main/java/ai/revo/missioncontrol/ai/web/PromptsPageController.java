package ai.revo.missioncontrol.ai.web;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.ai.LlmLogs;
import ai.revo.missioncontrol.ai.PromptCatalog;
import ai.revo.missioncontrol.ai.PromptChange;
import ai.revo.missioncontrol.ai.PromptDetail;
import ai.revo.missioncontrol.ai.PromptView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The prompts pages: the list with the LLM mode and recent calls; a prompt's versions, diff, edit and activate. */
@Controller
@RequestMapping("/prompts")
class PromptsPageController {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final PromptCatalog prompts;
    private final LlmGateway gateway;
    private final LlmLogs logs;
    private final ObjectMapper json;

    PromptsPageController(PromptCatalog prompts, LlmGateway gateway, LlmLogs logs, ObjectMapper json) {
        this.prompts = prompts;
        this.gateway = gateway;
        this.logs = logs;
        this.json = json;
    }

    @Bean
    static NavigationItem promptsNavigation() {
        return new NavigationItem(NavigationGroup.AUTOMATE, "Prompts", "/prompts", "message-chatbot", 850, null);
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute("prompts", prompts.list(user.tenantId()));
        model.addAttribute("mode", gateway.mode());
        model.addAttribute(
                "calls",
                logs.logs(user.tenantId(), null, null, null, new PageQuery(1, 10))
                        .data());
        return "ai/prompts";
    }

    @GetMapping("/{key}")
    String prompt(CurrentUser user, @PathVariable String key, Model model) {
        return page(user, key, null, model);
    }

    @PostMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String systemTemplate,
            @RequestParam(required = false) String template,
            @RequestParam(required = false) String fallbackTemplate,
            @RequestParam(required = false) String outputSchema,
            @RequestParam(required = false) String notes,
            Model model) {
        PromptView saved = prompts.update(
                user.tenantId(),
                key,
                new PromptChange(
                        systemTemplate == null ? null : systemTemplate.replace("\r\n", "\n"),
                        template == null ? null : template.replace("\r\n", "\n"),
                        fallbackTemplate == null ? null : fallbackTemplate.replace("\r\n", "\n"),
                        schema(outputSchema),
                        notes),
                user.actor());
        return page(user, key, "Saved as version " + saved.version() + "; it is now active.", model);
    }

    @PostMapping("/{key}/activate")
    @PreAuthorize("hasRole('ADMIN')")
    String activate(CurrentUser user, @PathVariable String key, @RequestParam Integer version, Model model) {
        PromptView active = prompts.activate(user.tenantId(), key, version, user.actor());
        return page(user, key, "Version " + active.version() + " is active again.", model);
    }

    @PostMapping("/{key}/automatic-use")
    @PreAuthorize("hasRole('ADMIN')")
    String automaticUse(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam Integer version,
            @RequestParam boolean approved,
            Model model) {
        PromptView v = prompts.approveForAutomaticUse(user.tenantId(), key, version, approved, user.actor());
        return page(
                user,
                key,
                approved
                        ? "The fallback template of version " + v.version() + " is approved for automatic use."
                        : "Version " + v.version() + " is no longer approved for automatic use.",
                model);
    }

    @GetMapping("/{key}/diff")
    String diff(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to,
            Model model) {
        model.addAttribute("diff", prompts.diff(user.tenantId(), key, from, to));
        return "ai/diff :: diff";
    }

    private String page(CurrentUser user, String key, String saved, Model model) {
        PromptDetail detail = prompts.get(user.tenantId(), key);
        model.addAttribute("prompt", detail);
        model.addAttribute("mode", gateway.mode());
        model.addAttribute("saved", saved);
        try {
            model.addAttribute(
                    "schemaText",
                    detail.active().outputSchema() == null
                            ? ""
                            : json.writerWithDefaultPrettyPrinter()
                                    .writeValueAsString(detail.active().outputSchema()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return "ai/prompt";
    }

    private Map<String, Object> schema(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Map<String, Object> parsed = json.readValue(text, MAP);
            if (parsed == null) {
                throw ApiException.invalidField("outputSchema", "must be a JSON object");
            }
            return parsed;
        } catch (IOException e) {
            throw ApiException.invalidField("outputSchema", "must be a JSON object");
        }
    }
}
