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

    boolean isRevoked(TenantId tenant, String jti) {
        return jdbc.sql("select exists (select 1 from revoked_access_tokens where tenant_id = ? and jti = ?)")
                .params(tenant.value(), jti)
                .query(Boolean.class)
                .single();
    }
}
