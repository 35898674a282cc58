package ai.revo.missioncontrol.contacts.web;

import ai.revo.missioncontrol.contacts.ContactDetails;
import ai.revo.missioncontrol.contacts.ContactManagement;
import ai.revo.missioncontrol.contacts.ContactView;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts")
class ContactController {

    private final ContactManagement contacts;

    ContactController(ContactManagement contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(
            summary = "The workspace's contacts, newest first",
            description = "q searches name, email, company, phone.")
    PageResult<ContactView> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return contacts.list(user.tenantId(), q, new PageQuery(page, limit));
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
