package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.CampaignDirectory;
import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactHistory;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactQuery;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadChange;
import ai.revo.missioncontrol.contacts.LeadManagement;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.NavigationGroup;
import ai.revo.missioncontrol.platform.NavigationItem;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.SortOrder;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Contacts: the searchable list, the "Add contact" form, and one contact's page with its timeline and notes. */
@Controller
@RequestMapping("/contacts")
class ContactsPageController {

    private final ContactManagement contacts;
    private final ContactHistory history;
    private final LeadManagement leads;

    ContactsPageController(ContactManagement contacts, ContactHistory history, LeadManagement leads) {
        this.contacts = contacts;
        this.history = history;
        this.leads = leads;
    }

    @Bean
    static NavigationItem contactsNavigation() {
        return new NavigationItem(NavigationGroup.SELL, "Contacts", "/contacts", "address-book", 140, null);
    }

    /** The contact form's fields (also the list's "Add contact"). */
    record ContactForm(
            String firstName,
            String lastName,
            String email,
            String phone,
            String company,
            String jobTitle,
            String city,
            String country,
            String timezone,
            String source,
            String tags) {
        ContactDetails details() {
            List<String> tagList = tags == null || tags.isBlank()
                    ? null
                    : java.util.Arrays.stream(tags.split(","))
                            .map(String::trim)
                            .filter(t -> !t.isEmpty())
                            .toList();
            return new ContactDetails(
                    firstName, lastName, email, phone, company, jobTitle, city, country, timezone, source, tagList,
                    null);
        }
    }

    @GetMapping
    String list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) LeadStatus leadStatus,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            Model model) {
        SortOrder sortOrder = SortOrder.of(sort, order, ContactManagement.SORTABLE, "createdAt", false);
        model.addAttribute(
                "result",
                contacts.list(
                        user.tenantId(),
                        new ContactQuery(q, campaignId, leadStatus, tag, source),
                        new PageQuery(page, 50),
                        sortOrder));
        model.addAttribute("q", q);
        model.addAttribute("campaignId", campaignId);
        model.addAttribute("leadStatus", leadStatus);
        model.addAttribute("tag", tag);
        model.addAttribute("source", source);
        model.addAttribute("sort", sortOrder.field());
        model.addAttribute("order", sortOrder.direction());
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("campaigns", enrollable(user));
        return "contacts/contacts";
    }

    @PostMapping
    String add(CurrentUser user, @ModelAttribute ContactForm form, HttpServletResponse response) {
        ContactView created = contacts.upsert(user.tenantId(), form.details(), user.actor());
        response.setHeader("HX-Redirect", "/contacts/" + created.id());
        return "contacts/contacts :: created";
    }

    @GetMapping("/{id}")
    String contact(CurrentUser user, @PathVariable UUID id, Model model) {
        fill(user, id, model);
        return "contacts/contact";
    }

    @PostMapping("/{id}")
    String save(CurrentUser user, @PathVariable UUID id, @ModelAttribute ContactForm form, Model model) {
        contacts.change(user.tenantId(), id, form.details(), user.actor());
        fill(user, id, model);
        model.addAttribute("saved", true);
        return "contacts/contact :: details";
    }

    @GetMapping("/{id}/timeline")
    String timeline(CurrentUser user, @PathVariable UUID id, Model model) {
        fillTimeline(user, id, model);
        return "contacts/contact :: timeline";
    }

    @PostMapping("/{id}/notes")
    String note(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) String text, Model model) {
        history.addNote(user.tenantId(), id, text, user.actor());
        return timeline(user, id, model);
    }

    @PostMapping("/{id}/leads")
    String enrol(
            CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) UUID campaignId, Model model) {
        leads.enrol(user.tenantId(), campaignId, id, null, LeadChange.none(), user.actor());
        fill(user, id, model);
        return "contacts/contact :: campaigns";
    }

    private void fill(CurrentUser user, UUID id, Model model) {
        fillTimeline(user, id, model);
        model.addAttribute("campaigns", enrollable(user));
    }

    private void fillTimeline(CurrentUser user, UUID id, Model model) {
        ContactView contact = contacts.get(user.tenantId(), id);
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        contact.campaigns().forEach(e -> names.put(e.campaignId(), e.campaignName()));
        model.addAttribute("contact", contact);
        model.addAttribute("campaignNames", names);
        model.addAttribute("timeline", history.timeline(user.tenantId(), id, new PageQuery(1, 200)));
    }

    private List<CampaignDirectory.Option> enrollable(CurrentUser user) {
        return contacts.enrollableCampaigns(user.tenantId());
    }
}
