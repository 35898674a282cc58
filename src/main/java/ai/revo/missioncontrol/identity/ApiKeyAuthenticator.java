package ai.revo.missioncontrol.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a presented {@code mc_pat_} token into an {@link ApiKeyAuthentication}, or refuses it with the reason (unknown,
 * revoked, expired, or its user can no longer sign in). Two statements per request, no transaction: the key by its
 * hash ({@code identity_api_key_of_token}, V0115), then the user as for a JWT ({@code identity_principal}). The
 * last use is written at most once a minute per key, and only when the stored one is older.
 */
@Component
class ApiKeyAuthenticator {

    static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    /** How a stream's token id marks an API key (followed by the token's hash, never the token). */
    static final String STREAM_ID = "api_key:";

    /** A refused key; its message is what the client reads in the 401. */
    static final class Rejected extends InvalidBearerTokenException {
        Rejected(String message) {
            super(message);
        }
    }

    private record Row(
            UUID id,
            TenantId tenant,
            UserId user,
            String scopes,
            Instant expiresAt,
            Instant revokedAt,
            Instant lastUsedAt) {}

    private final JdbcClient jdbc;
    private final Principals principals;
    private final Clock clock;

    ApiKeyAuthenticator(JdbcClient jdbc, Principals principals, Clock clock) {
        this.jdbc = jdbc;
        this.principals = principals;
        this.clock = clock;
    }

    static boolean looksLikeApiKey(String token) {
        return token != null && token.startsWith(ApiKey.PREFIX);
    }

    ApiKeyAuthentication authenticate(String token) {
        return authenticateHash(SecretToken.hash(token), true);
    }

    /** Whether the key behind a long-lived stream still works (not revoked or expired, its user still allowed). */
    boolean stillValid(String streamId) {
        if (streamId == null || !streamId.startsWith(STREAM_ID)) {
            return false;
        }
        try {
            authenticateHash(streamId.substring(STREAM_ID.length()), false);
            return true;
        } catch (Rejected e) {
            return false;
        }
    }

    private ApiKeyAuthentication authenticateHash(String hash, boolean recordUse) {
        Row row = jdbc.sql("select id, tenant_id, user_id, scopes, expires_at, revoked_at, last_used_at"
                        + " from identity_api_key_of_token(?)")
                .param(hash)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        new TenantId(rs.getObject("tenant_id", UUID.class)),
                        new UserId(rs.getObject("user_id", UUID.class)),
                        rs.getString("scopes"),
                        instant(rs.getTimestamp("expires_at")),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .optional()
                .orElseThrow(() -> new Rejected("API key is not valid"));
        Instant now = clock.instant();
        if (row.revokedAt() != null) {
            throw new Rejected("API key was revoked");
        }
        if (row.expiresAt() != null && !now.isBefore(row.expiresAt())) {
            throw new Rejected("API key has expired");
        }
        Optional<CurrentUser> user = principals.resolveCurrent(row.tenant(), row.user());
        if (user.isEmpty()) {
            throw new Rejected("API key's user can no longer sign in");
        }
        if (recordUse && (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_GRANULARITY)))) {
            jdbc.sql("select identity_api_key_used(?, ?, ?)")
                    .params(row.tenant().value(), row.id(), Timestamp.from(now))
                    .query(Boolean.class)
                    .single();
        }
        Set<ApiKeyScope> scopes = ApiKeyScope.decode(row.scopes());
        return new ApiKeyAuthentication(user.get(), row.id(), scopes, hash, row.expiresAt());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
