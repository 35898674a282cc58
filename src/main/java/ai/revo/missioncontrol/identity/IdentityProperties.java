package ai.revo.missioncontrol.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret          HMAC secret for access tokens (at least 32 characters); generated into the data
 *                           directory when empty
 * @param accessTokenTtl     lifetime of an access token
 * @param refreshTokenTtl    lifetime of a refresh token
 * @param invitationTtl      lifetime of an invitation link
 * @param signupEnabled      whether anyone may create a new workspace with {@code POST /api/v1/auth/signup}
 * @param signupOutbound     {@code sandboxed} (default): a self-registered workspace reaches only its own users
 *                           until the operator approves it; {@code approved}: it may reach anyone at once
 * @param publicUrl          the address users reach the dashboard at, used in invitation links
 * @param bootstrapAdmin     the first administrator, created on first start when there are no users
 * @param loginThrottle      failed sign-ins allowed per e-mail and per client address within the window
 */
@ConfigurationProperties(prefix = "mc.security")
record IdentityProperties(
        String jwtSecret,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("7d") Duration invitationTtl,
        @DefaultValue("true") boolean signupEnabled,
        @DefaultValue("sandboxed") String signupOutbound,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue BootstrapAdmin bootstrapAdmin,
        @DefaultValue LoginThrottle loginThrottle) {

    IdentityProperties {
        signupAccess(signupOutbound);
    }

    OutboundAccess signupAccess() {
        return signupAccess(signupOutbound);
    }

    private static OutboundAccess signupAccess(String value) {
        return switch (value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "", "sandboxed" -> OutboundAccess.SANDBOXED;
            case "approved" -> OutboundAccess.APPROVED;
            default ->
                throw new IllegalStateException(
                        "MC_SIGNUP_OUTBOUND must be 'sandboxed' or 'approved', not '" + value + "'");
        };
    }

    record BootstrapAdmin(
            @DefaultValue("admin@localhost") String email,
            String password,
            @DefaultValue("Default") String workspaceName) {}

    /**
     * @param failuresPerEmail         failed sign-ins for one e-mail from one client address
     * @param failuresPerAddress       failed sign-ins from one client address, any e-mail
     * @param signupsPerAddress        sign-ups (successful or not) one client address may attempt within the window
     * @param failuresPerEmailAnywhere failed sign-ins for one e-mail from all addresses together (a distributed guess)
     */
    record LoginThrottle(
            @DefaultValue("5") int failuresPerEmail,
            @DefaultValue("20") int failuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("10") int signupsPerAddress,
            @DefaultValue("50") int failuresPerEmailAnywhere) {}
}
