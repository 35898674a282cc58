package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.ProviderApiSignIns;
import ai.revo.missioncontrol.identity.SignInProviders;
import ai.revo.missioncontrol.identity.TokenPair;
import ai.revo.missioncontrol.platform.PageQuery;
import ai.revo.missioncontrol.platform.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Signing in with a provider (Google, LinkedIn, an organisation's OpenID Connect provider) for API clients. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class ProviderSignInController {

    private final SignInProviders providers;
    private final ProviderApiSignIns signIns;

    ProviderSignInController(SignInProviders providers, ProviderApiSignIns signIns) {
        this.providers = providers;
        this.signIns = signIns;
    }

    record AuthorizeRequest(String redirectUri) {}

    record TokenRequest(String code, String state) {}

    @GetMapping("/providers")
    @SecurityRequirements
    @Operation(
            summary = "The configured sign-in providers: {id, name}",
            description = "Roles: public. Only providers whose client id and secret (and issuer) are set.")
    PageResult<SignInProviders.Provider> list() {
        List<SignInProviders.Provider> all = providers.configured();
        return PageResult.of(all, new PageQuery(1, PageQuery.MAX_LIMIT), all.size());
    }

    @PostMapping("/oidc/{provider}/authorize")
    @SecurityRequirements
    @Operation(
            summary = "Start a provider's sign-in {redirectUri} → {authorizationUrl, state, expiresAt}",
            description = "Send the person to authorizationUrl (it carries the state, a nonce and a PKCE S256"
                    + " challenge); the provider redirects to redirectUri (which must be registered with it) with a"
                    + " code and the state; hand both to /oidc/{provider}/token within 10 minutes. Roles: public."
                    + " 404 for a provider that is not configured.")
    ProviderApiSignIns.Started authorize(
            @PathVariable String provider, @RequestBody(required = false) AuthorizeRequest body) {
        return signIns.start(provider, body == null ? null : body.redirectUri());
    }

    @PostMapping("/oidc/{provider}/token")
    @SecurityRequirements
    @Operation(
            summary = "Finish a provider's sign-in {code, state} → the same tokens as a password sign-in",
            description = "The state works once. 401 (details.reason PROVIDER_ERROR) for an unknown, used or"
                    + " expired state, or a code or ID token that does not verify (nonce, PKCE, signature); 403 with"
                    + " details.reason SIGNUP_DISABLED, EMAIL_UNVERIFIED, EMAIL_MISSING, DEACTIVATED,"
                    + " INVITATION_EXPIRED or SUSPENDED when the sign-in is refused. Roles: public.")
    TokenPair token(@PathVariable String provider, @RequestBody(required = false) TokenRequest body) {
        return signIns.complete(provider, body == null ? null : body.code(), body == null ? null : body.state());
    }
}
