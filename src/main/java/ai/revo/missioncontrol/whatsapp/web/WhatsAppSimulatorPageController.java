package ai.revo.missioncontrol.whatsapp.web;

import ai.revo.missioncontrol.ai.LlmGateway;
import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.whatsapp.WhatsAppSimulator;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The WhatsApp simulator page (seed 002): a phone-style chat in which an operator plays the customer against a
 * campaign's persona, knowledge and products. Everything it shows comes from {@link WhatsAppSimulator}, i.e. from
 * the real reply pipeline: the safety check, the AI's reply or the plain reason there is none, the checks and the
 * gate, the draft waiting for approval, and the gateway's SIMULATED record of what would have been sent.
 */
@Controller
@RequestMapping("/whatsapp/simulator")
class WhatsAppSimulatorPageController {

    private final WhatsAppSimulator simulator;
    private final CampaignManagement campaigns;
    private final LlmGateway llm;

    WhatsAppSimulatorPageController(WhatsAppSimulator simulator, CampaignManagement campaigns, LlmGateway llm) {
        this.simulator = simulator;
        this.campaigns = campaigns;
        this.llm = llm;
    }

    @Bean
    static NavigationItem whatsAppSimulatorNavigation() {
        return new NavigationItem(
                NavigationGroup.SELL, "Simulator", "/whatsapp/simulator", "device-mobile-message", 126, null);
    }

    /** The page: the sessions, the form that starts one, and the open session's chat ({@code session}). */
    @GetMapping
    String page(
            CurrentUser user,
            @RequestParam(required = false) UUID session,
            @RequestParam(required = false) String deleted,
            Model model) {
        model.addAttribute("deleted", deleted != null);
        boolean canPlay = canPlay(user);
        model.addAttribute("canPlay", canPlay);
        model.addAttribute("templateMode", llm.mode().templateMode());
        if (!canPlay) {
            return "whatsapp/simulator";
        }
        model.addAttribute("sessions", simulator.list(user.tenantId()));
        model.addAttribute(
                "campaigns",
                campaigns
                        .list(
                                user.tenantId(),
                                null,
                                new PageQuery(1, 200),
                                SortOrder.of(null, null, Set.of("name"), "name", true))
                        .data());
        model.addAttribute("defaultCampaignId", simulator.defaultCampaign(user.tenantId()));
        if (session != null) {
            model.addAttribute("sim", simulator.get(user.tenantId(), session));
        }
        model.addAttribute("openId", session);
        return "whatsapp/simulator";
    }

    /** Starts a session (campaign optional) and opens it. */
    @PostMapping("/sessions")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String start(CurrentUser user, @RequestParam(required = false) UUID campaignId, Model model) {
        try {
            WhatsAppSimulator.SessionView started = simulator.start(user.tenantId(), campaignId, user.actor());
            return "redirect:/whatsapp/simulator?session=" + started.id();
        } catch (ApiException e) {
            model.addAttribute("startError", e.getMessage());
            return page(user, null, null, model);
        }
    }

    /** The open session's chat, polled while the AI works. */
    @GetMapping("/sessions/{id}/chat")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String chat(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("sim", simulator.get(user.tenantId(), id));
        model.addAttribute("templateMode", llm.mode().templateMode());
        return "whatsapp/simulator :: chat";
    }

    /** The simulated customer writes {@code text}; the chat comes back with it, the AI's work pending. */
    @PostMapping("/sessions/{id}/messages")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    String say(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) String text,
            Model model,
            HttpServletResponse response) {
        WhatsAppSimulator.SessionView view;
        try {
            view = simulator.say(user.tenantId(), id, text);
        } catch (ApiException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("sayError", e.getMessage());
            model.addAttribute("draftText", text);
            view = simulator.get(user.tenantId(), id);
        }
        model.addAttribute("sim", view);
        model.addAttribute("templateMode", llm.mode().templateMode());
        return "whatsapp/simulator :: chat";
    }

    /** Deletes the session (a reply waiting for approval is rejected first) and goes back to the list. */
    @PostMapping("/sessions/{id}/delete")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
        simulator.delete(user.tenantId(), id, user.actor());
        return ResponseEntity.ok()
                .header("HX-Redirect", "/whatsapp/simulator?deleted")
                .build();
    }

    private static boolean canPlay(CurrentUser user) {
        return user.role().name().equals("ADMIN") || user.role().name().equals("OPERATOR");
    }
}
