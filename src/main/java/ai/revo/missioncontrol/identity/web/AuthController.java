package ai.revo.missioncontrol.identity.web;

import ai.revo.missioncontrol.identity.AuthManagement;
import ai.revo.missioncontrol.identity.BearerAuthentication;
import ai.revo.missioncontrol.identity.CurrentUser;
import ai.revo.missioncontrol.identity.TokenPair;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final AuthManagement auth;

    AuthController(AuthManagement auth) {
        this.auth = auth;
    }

    record SignupRequest(String email, String password, String workspaceName) {}

    record LoginRequest(String email, String password) {}

    record RefreshRequest(String refreshToken) {}

    record LogoutRequest(String refreshToken) {}

    record AcceptInviteRequest(String token, String password) {}

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(
            summary = "Create a workspace and its first admin, and sign in",
            description = "Roles: public. Off when MC_SIGNUP_ENABLED=false (403). 409 when the email is taken.")
    TokenPair signup(@RequestBody SignupRequest request, HttpServletRequest http) {
        return auth.signup(request.email(), request.password(), request.workspaceName(), http.getRemoteAddr());
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(
            summary = "Sign in with email and password",
            description = "Roles: public. Failed attempts are throttled per email and per client address (429).")
    TokenPair login(@RequestBody LoginRequest request, HttpServletRequest http) {
        return auth.login(request.email(), request.password(), http.getRemoteAddr());
    }

    @PostMapping("/refresh")
    @SecurityRequirements
    @Operation(
            summary = "Rotate a refresh token into a new token pair",
            description =
                    "Roles: public (the refresh token is the credential). Reusing a rotated token revokes the sign-in.")
    TokenPair refresh(@RequestBody RefreshRequest request) {
        return auth.refresh(request.refreshToken());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Sign out: revoke this access token and, when given, the refresh token's sign-in",
            description = "Roles: any signed-in role.")
    void logout(CurrentUser user, @RequestBody(required = false) LogoutRequest request) {
        String jti = null;
        Instant expiry = null;
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerAuthentication bearer) {
            jti = bearer.getCredentials().getId();
            expiry = bearer.getCredentials().getExpiresAt();
        }
        auth.logout(user, jti, expiry, request == null ? null : request.refreshToken());
    }

    @PostMapping("/accept-invite")
    @SecurityRequirements
    @Operation(
            summary = "Redeem an invitation: choose a password and sign in",
            description =
                    "Roles: public (the invitation token is the credential). Tokens work once and expire after 7 days.")
    TokenPair acceptInvite(@RequestBody AcceptInviteRequest request) {
        return auth.acceptInvitation(request.token(), request.password());
    }
}
