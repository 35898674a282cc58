package ai.revo.missioncontrol.sending.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.sending.EmailSendingSettings;
import ai.revo.missioncontrol.sending.RelayView;
import ai.revo.missioncontrol.sending.SenderIdentityView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Email sending settings over the API: the workspace's own SMTP relay, its sender identities, the test email. */
@RestController
@RequestMapping("/api/v1/settings/email-sending")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Settings")
class EmailSendingController {

    private final EmailSendingSettings settings;

    EmailSendingController(EmailSendingSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(
            summary =
                    "The workspace's own SMTP relay (null: it sends through the installation's), its sender identities,"
                            + " and whether the installation has a relay",
            description = "The relay's password is never returned: passwordSet says whether one is stored.")
    EmailSendingSettings.Overview overview(CurrentUser user) {
        return settings.overview(user.tenantId());
    }

    @PutMapping("/relay")
    @Operation(
            summary = "Set the workspace's own SMTP relay {host, port, username?, password?, startTls}",
            description = "password: omitted or null keeps the stored one, \"\" removes it. It is stored encrypted"
                    + " (MC_SECRETS_KEY) and never shown back. From then on the workspace's emails go through this"
                    + " relay; the sandbox, dry run and limits still apply. Audited as email_sending.relay_configured.")
    RelayView setRelay(CurrentUser user, @RequestBody EmailSendingSettings.RelayChange change) {
        return settings.setRelay(user.tenantId(), change, user.actor());
    }

    @DeleteMapping("/relay")
    @Operation(summary = "Remove the own relay: back to the installation's (404 when there is none)")
    ResponseEntity<Void> removeRelay(CurrentUser user) {
        settings.removeRelay(user.tenantId(), user.actor());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/identities")
    @Operation(summary = "The sender identities, the default first")
    Map<String, List<SenderIdentityView>> identities(CurrentUser user) {
        return Map.of("data", settings.identities(user.tenantId()));
    }

    @PostMapping("/identities")
    @Operation(
            summary = "Add a sender identity {displayName, address, replyTo?, signature?, isDefault?}",
            description = "Through the installation's relay the address must be a workspace user's, the default"
                    + " sender, or in MC_EMAIL_ALLOWED_FROM_DOMAINS; through the own relay any address. The first"
                    + " identity is the default.")
    ResponseEntity<SenderIdentityView> add(CurrentUser user, @RequestBody EmailSendingSettings.IdentityChange change) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(settings.addIdentity(user.tenantId(), change, user.actor()));
    }

    @PatchMapping("/identities/{id}")
    @Operation(summary = "Replace a sender identity's parts (all of them; isDefault optional)")
    SenderIdentityView edit(
            CurrentUser user, @PathVariable UUID id, @RequestBody EmailSendingSettings.IdentityChange change) {
        return settings.editIdentity(user.tenantId(), id, change, user.actor());
    }

    @DeleteMapping("/identities/{id}")
    @Operation(summary = "Remove a sender identity")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID id) {
        settings.removeIdentity(user.tenantId(), id, user.actor());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/test")
    @Operation(
            summary = "Send a test email to your own address through the outbound gateway",
            description = "Answers what happened: status SENT, or SIMULATED (dry run is on: not sent), or BLOCKED_*"
                    + " / FAILED with the reason; via is WORKSPACE_RELAY or INSTALLATION_RELAY.")
    EmailSendingSettings.TestEmailResult test(CurrentUser user) {
        return settings.sendTest(user.tenantId(), user.email(), user.actor());
    }
}
