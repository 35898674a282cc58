package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.whatsapp.WhatsAppBlasts;
import ai.revo.missioncontrol.whatsapp.WhatsAppTemplates;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The campaign page's WhatsApp blast card: pick an approved template, confirm, and watch the latest blast's progress
 * (polled while it is unfinished).
 */
@Controller
@RequestMapping("/whatsapp/campaigns/{campaignId}/blast")
class WhatsAppBlastPageController {

    private final WhatsAppBlasts blasts;
    private final WhatsAppTemplates templates;

    WhatsAppBlastPageController(WhatsAppBlasts blasts, WhatsAppTemplates templates) {
        this.blasts = blasts;
        this.templates = templates;
    }

    @GetMapping
    String card(CurrentUser user, @PathVariable UUID campaignId, Model model) {
        return render(user, campaignId, null, model);
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String start(
            CurrentUser user,
            @PathVariable UUID campaignId,
            @RequestParam(name = "blastTemplate", required = false) String template,
            @RequestParam(name = "blastParameters", required = false) String parameters,
            Model model) {
        try {
            String[] nameAndLanguage = template == null ? new String[] {null, null} : template.split("\\|", 2);
            List<String> values = parameters == null || parameters.isBlank()
                    ? List.of()
                    : Arrays.stream(parameters.split("\\|")).map(String::trim).toList();
            blasts.start(
                    user.tenantId(),
                    campaignId,
                    new WhatsAppBlasts.Request(
                            nameAndLanguage[0], nameAndLanguage.length > 1 ? nameAndLanguage[1] : null, values),
                    user.actor());
            return render(user, campaignId, null, model);
        } catch (ApiException refused) {
            return render(user, campaignId, refused.getMessage(), model);
        }
    }

    private String render(CurrentUser user, UUID campaignId, String failure, Model model) {
        List<WhatsAppBlasts.BlastView> all = blasts.ofCampaign(user.tenantId(), campaignId);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("latest", all.isEmpty() ? null : all.get(0));
        model.addAttribute("templates", templates.list(user.tenantId(), true));
        model.addAttribute("failure", failure);
        return "whatsapp/blast :: card";
    }
}
