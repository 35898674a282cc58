package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.ApiKeyView;
import ai.revo.missioncontrol.identity.ApiKeys;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own API keys (personal access tokens). */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "Settings")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @GetMapping
    @Operation(
            summary = "Your API keys: name, scopes, display (mc_pat_AbCd…wxYz), status, created, expires, last used",
            description = "The token itself is never returned again. lastUsedAt is recorded at most once a minute."
                    + " Roles: any signed-in role (each user sees only their own keys).")
    PageResult<ApiKeyView> list(
            CurrentUser user,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return keys.list(user.tenantId(), user.id(), new PageQuery(page, limit));
    }

    @PostMapping
    @Operation(
            summary = "Create an API key {name, scopes, expiresInDays | expiresAt | neverExpires}",
            description = "Answers 201 with {apiKey, token, warnings}: the token (mc_pat_...) is shown this once."
                    + " Use it as Authorization: Bearer <token>. Scopes: read (GET), write (other changes), send"
                    + " (draft decisions, sends, replies), admin (users, settings, scheduler, prompts, API keys); a"
                    + " VIEWER's keys can only read, admin needs ADMIN, and a key never exceeds its user's role."
                    + " Expiry: expiresInDays 1-366, expiresAt an ISO date (works through that day, UTC) or instant,"
                    + " or neverExpires: true (with a warning). Audited as api_key.created."
                    + " Roles: any signed-in role.")
    ResponseEntity<ApiKeys.CreatedApiKey> create(
            CurrentUser user, @RequestBody(required = false) ApiKeys.NewApiKey body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(keys.create(user.tenantId(), user.id(), user.role(), body, user.actor()));
    }

    @DeleteMapping("/{id}")
    @Operation(
            summary = "Revoke one of your API keys: from the next request on it is refused with 401",
            description = "204; revoking a revoked key changes nothing. 404 for a key that is not yours."
                    + " Audited as api_key.revoked. Roles: any signed-in role.")
    ResponseEntity<Void> revoke(CurrentUser user, @PathVariable UUID id) {
        keys.revoke(user.tenantId(), user.id(), id, user.actor());
        return ResponseEntity.noContent().build();
    }
}
