package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactHistory;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactQuery;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.contacts.LeadStatus;
import ai.revo.missioncontrol.contacts.NoteView;
import ai.revo.missioncontrol.contacts.TimelineEntry;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import ai.revo.missioncontrol.platform.SortOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactController {

    private final ContactManagement contacts;
    private final ContactHistory history;

    ContactController(ContactManagement contacts, ContactHistory history) {
        this.contacts = contacts;
        this.history = history;
    }

    @GetMapping
    @Operation(
            summary = "The workspace's contacts, newest first unless sorted",
            description = "q searches name, email, company, phone; campaignId and leadStatus keep contacts with a "
                    + "lead there; tag and source match exactly. sort: name, email, company, createdAt, updatedAt.")
    PageResult<ContactView> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) LeadStatus leadStatus,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return contacts.list(
                user.tenantId(),
                new ContactQuery(q, campaignId, leadStatus, tag, source),
                new PageQuery(page, limit),
                SortOrder.of(sort, order, ContactManagement.SORTABLE, "createdAt", false));
    }

    @GetMapping("/{id}/timeline")
    @Operation(
            summary = "Everything that happened to the contact, newest first",
            description = "Notes, enrolments, status and score changes, drafts and decisions, emails with opens, "
                    + "clicks and the text of replies, tasks.")
    PageResult<TimelineEntry> timeline(
            CurrentUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return history.timeline(user.tenantId(), id, new PageQuery(page, limit));
    }

    record NewNote(String text) {}

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a note to the contact (shown in its timeline)")
    NoteView addNote(CurrentUser user, @PathVariable UUID id, @RequestBody NewNote note) {
        return history.addNote(user.tenantId(), id, note == null ? null : note.text(), user.actor());
    }

    @PostMapping
    @Operation(
            summary = "Create a contact, or update the one with the same email or phone (never a duplicate)",
            description = "Email is lower-cased; phone is stored in E.164 using the workspace's region.")
    ContactView upsert(CurrentUser user, @RequestBody ContactDetails details) {
        return contacts.upsert(user.tenantId(), details, user.actor());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact with every campaign it is a lead in")
    ContactView get(CurrentUser user, @PathVariable UUID id) {
        return contacts.get(user.tenantId(), id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a contact; fields left out keep their value")
    ContactView change(CurrentUser user, @PathVariable UUID id, @RequestBody ContactDetails details) {
        return contacts.change(user.tenantId(), id, details, user.actor());
    }
}
