package ai.revo.missioncontrol.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

/**
 * The configured sign-in providers. Which ones exist is decided by the settings alone, so the sign-in page never
 * waits on a provider; each provider's endpoints and keys come from its discovery document, fetched on its first
 * use (not at start-up, so a provider that is unreachable for a moment does not stop the node) and kept.
 */
@Component
public class SignInProviders implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(SignInProviders.class);

    /** A provider as the sign-in page shows it: its id (in {@code /oauth2/authorization/{id}}) and its name. */
    public record Provider(String id, String name) {}

    private final Map<String, SignInProviderProperties.Provider> configured = new LinkedHashMap<>();
    private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

    SignInProviders(SignInProviderProperties properties) {
        add("google", properties.google().withDefaults("https://accounts.google.com", "Google"));
        add("linkedin", properties.linkedin().withDefaults("https://www.linkedin.com/oauth", "LinkedIn"));
        add("oidc", properties.oidc().withDefaults(null, "Single sign-on"));
    }

    private void add(String id, SignInProviderProperties.Provider provider) {
        if (provider.configured()) {
            configured.put(id, provider);
        }
    }

    /** The providers whose client id and secret (and, for the generic one, issuer) are set, in a fixed order. */
    public List<Provider> configured() {
        List<Provider> list = new ArrayList<>();
        configured.forEach((id, p) -> list.add(new Provider(id, p.name())));
        return list;
    }

    /** The name of a provider by its id; the id itself when it is no longer configured. */
    public String nameOf(String id) {
        SignInProviderProperties.Provider p = configured.get(id);
        return p == null ? id : p.name();
    }

    boolean isConfigured(String id) {
        return configured.containsKey(id);
    }

    /** Null for an unknown or unconfigured provider, or one whose discovery document cannot be read right now. */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return registration(registrationId).orElse(null);
    }

    Optional<ClientRegistration> registration(String id) {
        SignInProviderProperties.Provider provider = id == null ? null : configured.get(id);
        if (provider == null) {
            return Optional.empty();
        }
        ClientRegistration known = registrations.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuerUrl())
                    .registrationId(id)
                    .clientId(provider.clientId())
                    .clientSecret(provider.clientSecret())
                    .clientName(provider.name())
                    .scope("openid", "email", "profile")
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
            registrations.put(id, registration);
            return Optional.of(registration);
        } catch (RuntimeException e) {
            log.warn("Sign-in provider {} is unreachable at {}: {}", id, provider.issuerUrl(), e.toString());
            return Optional.empty();
        }
    }
}
