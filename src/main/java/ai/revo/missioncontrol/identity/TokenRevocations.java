package ai.revo.missioncontrol.identity;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Access tokens signed out before they expired. */
@Component
class TokenRevocations {

    private final JdbcClient jdbc;

    TokenRevocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void revoke(TenantId tenant, String jti, Instant expiresAt) {
        jdbc.sql("insert into revoked_access_tokens (jti, tenant_id, expires_at) values (?, ?, ?) "
                        + "on conflict (jti) do nothing")
                .params(jti, tenant.value(), Timestamp.from(expiresAt == null ? Instant.now() : expiresAt))
                .update();
    }

    /** Remembers which access token was issued together with a refresh token. */
    void linkAccessToken(TenantId tenant, java.util.UUID refreshTokenId, String jti, Instant expiresAt) {
        jdbc.sql("update refresh_tokens set access_jti = ?, access_expires_at = ? where tenant_id = ? and id = ?")
                .params(jti, Timestamp.from(expiresAt), tenant.value(), refreshTokenId)
                .update();
    }

    /** Revokes every unexpired access token issued to a sign-in (a refresh-token family); returns how many. */
    int revokeFamilyAccess(TenantId tenant, java.util.UUID familyId, Instant now) {
        return jdbc.sql("""
                        insert into revoked_access_tokens (jti, tenant_id, expires_at)
                        select access_jti, tenant_id, access_expires_at from refresh_tokens
                        where tenant_id = ? and family_id = ? and access_jti is not null and access_expires_at > ?
                        on conflict (jti) do nothing
                        """)
                .params(tenant.value(), familyId, Timestamp.from(now))
                .update();
    }

    boolean isRevoked(TenantId tenant, String jti) {
        return jdbc.sql("select exists (select 1 from revoked_access_tokens where tenant_id = ? and jti = ?)")
                .params(tenant.value(), jti)
                .query(Boolean.class)
                .single();
    }
}
