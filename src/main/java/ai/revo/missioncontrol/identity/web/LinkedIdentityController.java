package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.ExternalIdentityView;
import ai.revo.missioncontrol.identity.ExternalSignIns;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own identities at sign-in providers. */
@RestController
@RequestMapping("/api/v1/me/identities")
@Tag(name = "Auth")
class LinkedIdentityController {

    private final ExternalSignIns signIns;

    LinkedIdentityController(ExternalSignIns signIns) {
        this.signIns = signIns;
    }

    @GetMapping
    @Operation(
            summary = "Your linked sign-in identities: provider, providerName, email, linkedAt, lastUsedAt",
            description = "Roles: any signed-in role (each user sees only their own).")
    PageResult<ExternalIdentityView> list(CurrentUser user) {
        List<ExternalIdentityView> all = signIns.linked(user.tenantId(), user.id());
        return PageResult.of(all, new PageQuery(1, PageQuery.MAX_LIMIT), all.size());
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Remove one of your linked identities: it no longer signs you in",
            description = "204; 404 for one that is not yours; 409 when it is your only way to sign in (you never"
                    + " chose a password and no other identity is linked). Audited as user.identity_unlinked."
                    + " Roles: any signed-in role.")
    ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID id) {
        signIns.unlink(user.tenantId(), user.id(), id, user.actor());
        return ResponseEntity.noContent().build();
    }
}
