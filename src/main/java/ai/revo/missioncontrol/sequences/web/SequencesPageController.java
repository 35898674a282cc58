package ai.revo.missioncontrol.sequences.web;

import ai.revo.missioncontrol.campaigns.CampaignManagement;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.ApiException;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import ai.revo.missioncontrol.sequences.EnrolRequest;
import ai.revo.missioncontrol.sequences.EnrolmentView;
import ai.revo.missioncontrol.sequences.Enrolments;
import ai.revo.missioncontrol.sequences.SequenceDraft;
import ai.revo.missioncontrol.sequences.SequenceStats;
import ai.revo.missioncontrol.sequences.SequenceView;
import ai.revo.missioncontrol.sequences.Sequences;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sequence pages: the list with a form to start one, and a sequence's page (its status moves, the step builder,
 * enrolling the campaign's leads, each enrolment's state with pause, resume and stop, and the statistics with the
 * A/B test), every change re-rendering the page's body with the refusal's message when there is one.
 */
@Controller
@RequestMapping("/sequences")
class SequencesPageController {

    private final Sequences sequences;
    private final Enrolments enrolments;
    private final SequenceStats stats;
    private final CampaignManagement campaigns;
    private final LeadManagement leads;

    SequencesPageController(
            Sequences sequences,
            Enrolments enrolments,
            SequenceStats stats,
            CampaignManagement campaigns,
            LeadManagement leads) {
        this.sequences = sequences;
        this.enrolments = enrolments;
        this.stats = stats;
        this.campaigns = campaigns;
        this.leads = leads;
    }

    @Bean
    static NavigationItem sequencesNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Sequences", "/sequences", "list-numbers", 110, null);
    }

    @GetMapping
    String list(CurrentUser user, Model model) {
        model.addAttribute(
                "sequences", sequences.list(user.tenantId(), null, null, new PageQuery(1, PageQuery.MAX_LIMIT)));
        model.addAttribute(
                "campaigns",
                campaigns.list(
                        user.tenantId(),
                        null,
                        new PageQuery(1, PageQuery.MAX_LIMIT),
                        SortOrder.of(null, null, CampaignManagement.SORTABLE, "createdAt", false)));
        return "sequences/sequences";
    }

    @PostMapping
    @PreAuthorize(SequenceController.WRITERS)
    String create(
            CurrentUser user,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String name,
            HttpServletResponse response,
            Model model) {
        try {
            SequenceView made = sequences.create(
                    user.tenantId(), new SequenceDraft(campaignId, name, null, List.of(), null), user.actor());
            response.setHeader("HX-Redirect", "/sequences/" + made.id());
            return "sequences/sequences :: created";
        } catch (ApiException e) {
            model.addAttribute("formError", e.getMessage());
            list(user, model);
            return "sequences/sequences :: create-form";
        }
    }

    @GetMapping("/{id}")
    String page(CurrentUser user, @PathVariable UUID id, Model model) {
        detail(user, id, model);
        return "sequences/sequence";
    }

    @GetMapping("/{id}/detail")
    String detail(CurrentUser user, @PathVariable UUID id, Model model) {
        SequenceView sequence = sequences.get(user.tenantId(), id);
        model.addAttribute("sequence", sequence);
        model.addAttribute("campaign", campaigns.get(user.tenantId(), sequence.campaignId()));
        var page = enrolments.list(user.tenantId(), id, null, new PageQuery(1, 100));
        model.addAttribute("enrolments", page);
        Map<UUID, LeadView> people = new HashMap<>();
        leads.getAll(
                        user.tenantId(),
                        page.data().stream().map(EnrolmentView::leadId).toList())
                .forEach(l -> people.put(l.id(), l));
        model.addAttribute("leads", people);
        model.addAttribute("stats", stats.stats(user.tenantId(), id));
        return "sequences/sequence :: detail";
    }

    /** The results and the enrolments, refreshed while the page is open. */
    @GetMapping("/{id}/live")
    String live(CurrentUser user, @PathVariable UUID id, Model model) {
        detail(user, id, model);
        return "sequences/sequence :: live";
    }

    @PostMapping("/{id}/status")
    @PreAuthorize(SequenceController.WRITERS)
    String status(CurrentUser user, @PathVariable UUID id, @RequestParam String status, Model model) {
        return attempt(
                user,
                id,
                model,
                () -> sequences.change(
                        user.tenantId(), id, SequenceDraft.ofStatus(status), user.isAdmin(), user.actor()));
    }

    @PostMapping("/{id}/steps")
    @PreAuthorize(SequenceController.WRITERS)
    String addStep(CurrentUser user, @PathVariable UUID id, @ModelAttribute StepForm form, Model model) {
        return attempt(user, id, model, () -> {
            List<SequenceDraft.StepDraft> steps = new ArrayList<>();
            sequences.get(user.tenantId(), id).steps().forEach(s -> steps.add(SequenceDraft.StepDraft.of(s)));
            steps.add(form.toDraft());
            return sequences.change(user.tenantId(), id, SequenceDraft.ofSteps(steps), false, user.actor());
        });
    }

    @PostMapping("/{id}/steps/{stepId}/remove")
    @PreAuthorize(SequenceController.WRITERS)
    String removeStep(CurrentUser user, @PathVariable UUID id, @PathVariable UUID stepId, Model model) {
        return attempt(user, id, model, () -> {
            List<SequenceDraft.StepDraft> steps = sequences.get(user.tenantId(), id).steps().stream()
                    .filter(s -> !s.id().equals(stepId))
                    .map(SequenceDraft.StepDraft::of)
                    .toList();
            return sequences.change(user.tenantId(), id, SequenceDraft.ofSteps(steps), false, user.actor());
        });
    }

    @PostMapping("/{id}/enrol")
    @PreAuthorize(SequenceController.WRITERS)
    String enrol(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String status, Model model) {
        return attempt(
                user,
                id,
                model,
                () -> enrolments.enrol(
                        user.tenantId(),
                        id,
                        new EnrolRequest(null, new EnrolRequest.Filter(status, null, null)),
                        user.actor()));
    }

    @PostMapping("/{id}/enrolments/{enrolmentId}/{action:pause|resume|stop}")
    @PreAuthorize(SequenceController.WRITERS)
    String enrolment(
            CurrentUser user,
            @PathVariable UUID id,
            @PathVariable UUID enrolmentId,
            @PathVariable String action,
            Model model) {
        return attempt(user, id, model, () -> switch (action) {
            case "pause" -> enrolments.pause(user.tenantId(), enrolmentId, user.actor());
            case "resume" -> enrolments.resume(user.tenantId(), enrolmentId, user.actor());
            default -> enrolments.stop(user.tenantId(), enrolmentId, null, user.actor());
        });
    }

    /** Runs the change; the page's body comes back either way, with the refusal when there was one. */
    private String attempt(CurrentUser user, UUID id, Model model, Supplier<Object> change) {
        try {
            change.get();
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        }
        return detail(user, id, model);
    }
}
