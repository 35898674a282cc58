package ai.revo.missioncontrol.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenID Connect providers users may sign in with ({@code MC_OAUTH_GOOGLE_CLIENT_ID} …). Each is off until its
 * client id and secret are set; the generic one also needs its issuer URL.
 *
 * @param google   Google ({@code https://accounts.google.com})
 * @param linkedin LinkedIn ({@code https://www.linkedin.com/oauth})
 * @param oidc     an organisation's own identity provider
 */
@ConfigurationProperties(prefix = "mc.oauth")
record SignInProviderProperties(
        @DefaultValue Provider google,
        @DefaultValue Provider linkedin,
        @DefaultValue Provider oidc) {

    /**
     * @param clientId     the client id registered with the provider; blank: the provider is off
     * @param clientSecret its secret
     * @param issuerUrl    where the provider's discovery document lives; Google's and LinkedIn's when blank
     * @param name         what the sign-in button says (the generic provider; Google and LinkedIn name themselves)
     */
    record Provider(String clientId, String clientSecret, String issuerUrl, String name) {

        boolean configured() {
            return clientId != null
                    && !clientId.isBlank()
                    && clientSecret != null
                    && !clientSecret.isBlank()
                    && issuerUrl != null
                    && !issuerUrl.isBlank();
        }

        Provider withDefaults(String defaultIssuer, String defaultName) {
            return new Provider(
                    clientId,
                    clientSecret,
                    issuerUrl == null || issuerUrl.isBlank() ? defaultIssuer : issuerUrl.trim(),
                    name == null || name.isBlank() ? defaultName : name.trim());
        }
    }
}
