package ai.revo.missioncontrol.identity;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the signed (HS256) access tokens. The secret is {@code MC_JWT_SECRET}, or one generated on
 * first start and kept in the data directory so tokens survive restarts.
 */
@Component
class AccessTokens {

    static final String TENANT_CLAIM = "tenant_id";
    static final String ROLE_CLAIM = "role";
    static final String PERMISSIONS_VERSION_CLAIM = "permissions_version";

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final NimbusJwtEncoder encoder;
    private final NimbusJwtDecoder decoder;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(IdentityProperties properties, Clock clock, @Value("${mc.data-dir:./data}") Path dataDir) {
        this.properties = properties;
        this.clock = clock;
        SecretKey key = new SecretKeySpec(secret(properties.jwtSecret(), dataDir), "HmacSHA256");
        this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        this.decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        // the default validators skip a token without exp; ours would then never expire
        this.decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefault(),
                new org.springframework.security.oauth2.jwt.JwtClaimValidator<Object>(
                        org.springframework.security.oauth2.jwt.JwtClaimNames.EXP, java.util.Objects::nonNull)));
    }

    record Issued(String token, String jti, Instant expiresAt) {}

    Issued issue(UserId user, TenantId tenant, Role role, int permissionsVersion) {
        Instant now = clock.instant();
        Instant expires = now.plus(properties.accessTokenTtl());
        String jti = UUID.randomUUID().toString();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.toString())
                .claim(TENANT_CLAIM, tenant.toString())
                .claim(ROLE_CLAIM, role.name())
                .claim(PERMISSIONS_VERSION_CLAIM, permissionsVersion)
                .issuedAt(now)
                .expiresAt(expires)
                .id(jti)
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
        return new Issued(token, jti, expires);
    }

    JwtDecoder decoder() {
        return decoder;
    }

    long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }

    private static byte[] secret(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < 32) {
                throw new IllegalStateException("MC_JWT_SECRET must be at least 32 characters long");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = dataDir.resolve("jwt-secret");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            // created 0600, never readable by others even for a moment
            ai.revo.missioncontrol.platform.secrets.SecretCipher.writeOwnerOnly(
                    file, Base64.getEncoder().encodeToString(bytes));
            log.info("Generated a JWT signing secret in {}", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the JWT secret at " + file, e);
        }
    }
}
