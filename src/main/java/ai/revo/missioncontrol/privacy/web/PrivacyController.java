package ai.revo.missioncontrol.privacy.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.privacy.PrivacyRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Privacy requests about a contact: export and erasure. ADMIN only. */
@RestController
@RequestMapping("/api/v1/contacts/{id}")
@Tag(name = "Contacts")
@PreAuthorize("hasRole('ADMIN')")
class PrivacyController {

    private final PrivacyRequests privacy;

    PrivacyController(PrivacyRequests privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/export")
    @Operation(
            summary = "Everything held about the contact as one JSON document {contactId, exportedAt, data}",
            description = "data holds each module's rows about the person (contact, leads, notes, e-mails, drafts,"
                    + " conversations and WhatsApp messages, outbound messages, events, LLM logs, tasks, sequences,"
                    + " deals, invoices, contracts, site events, webhook deliveries, suppressions), per table."
                    + " Audited as privacy.contact_exported. Roles: ADMIN.")
    Map<String, Object> export(CurrentUser user, @PathVariable UUID id) {
        return privacy.export(user.tenantId(), id, user.actor());
    }

    @PostMapping("/erase")
    @Operation(
            summary = "Erase the contact's personal data everywhere → {contactId, subject}",
            description = "Names, addresses, phone numbers, message bodies, rendered e-mails, LLM logs and event"
                    + " payloads are removed or replaced by subject (erased:<keyed hash>), in one transaction; the"
                    + " addresses stay on the suppression list only as keyed hashes, so they are never contacted"
                    + " again. The audit log records privacy.contact_erased with the hash only, and its entries"
                    + " about the person keep their structure with the values replaced. Cannot be undone."
                    + " Roles: ADMIN.")
    Map<String, Object> erase(CurrentUser user, @PathVariable UUID id) {
        String hash = privacy.erase(user.tenantId(), id, user.actor());
        return Map.of("contactId", id, "subject", "erased:" + hash);
    }
}
