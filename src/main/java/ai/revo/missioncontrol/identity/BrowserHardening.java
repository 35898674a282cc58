package ai.revo.missioncontrol.identity;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The headers every page and API answer carries, and CORS for the API. A Content-Security-Policy that runs scripts
 * from this origin only (no {@code 'unsafe-inline'}, no {@code 'unsafe-eval'}: pages load their scripts from
 * {@code /js/} and wire behaviour with data attributes, see {@code behaviours.js}; inline styles stay allowed),
 * {@code frame-ancestors 'none'} (no framing, with {@code X-Frame-Options: DENY} for older browsers), {@code base-uri},
 * {@code object-src} and {@code form-action} locked to this origin, {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy: strict-origin-when-cross-origin}, and HSTS (one year, sub-domains) when
 * {@code MC_SECURE_COOKIES} says the installation is served over HTTPS. CORS is off unless {@code MC_CORS_ORIGINS}
 * lists origins, and then only for the API, without cookies (the API authenticates with bearer tokens).
 */
final class BrowserHardening {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; object-src 'none'; form-action 'self'";

    private BrowserHardening() {}

    static Customizer<HeadersConfigurer<HttpSecurity>> headers(boolean httpsOnly) {
        return h -> {
            h.contentTypeOptions(Customizer.withDefaults())
                    .frameOptions(f -> f.deny())
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .contentSecurityPolicy(c -> c.policyDirectives(POLICY));
            if (httpsOnly) {
                h.httpStrictTransportSecurity(s -> s.requestMatcher(AnyRequestMatcher.INSTANCE)
                        .includeSubDomains(true)
                        .maxAgeInSeconds(31_536_000));
            } else {
                h.httpStrictTransportSecurity(s -> s.disable());
            }
        };
    }

    /** The API's CORS rules for {@code origins} (comma-separated), or null when none are configured. */
    static CorsConfigurationSource cors(String origins) {
        List<String> allowed = Arrays.stream(origins == null ? new String[0] : origins.split(","))
                .map(String::trim)
                .filter(o -> !o.isEmpty())
                .toList();
        if (allowed.isEmpty()) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(allowed);
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"));
        config.setExposedHeaders(List.of(
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
                "RateLimit-Policy",
                "Retry-After",
                "Location"));
        config.setAllowCredentials(false);
        config.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
