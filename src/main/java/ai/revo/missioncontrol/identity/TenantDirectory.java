package ai.revo.missioncontrol.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers, before anyone is signed in, which workspace a login, refresh token or invitation belongs to. Backed by
 * narrow security-definer functions; everything after that runs under row-level security.
 */
@Component
class TenantDirectory {

    private final JdbcClient jdbc;

    TenantDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TenantId> ofLogin(EmailAddress email) {
        return lookup("select identity_tenant_of_login(?)", email.value());
    }

    Optional<TenantId> ofRefreshToken(String tokenHash) {
        return lookup("select identity_tenant_of_refresh_token(?)", tokenHash);
    }

    Optional<TenantId> ofInvitation(String tokenHash) {
        return lookup("select identity_tenant_of_invitation(?)", tokenHash);
    }

    Optional<TenantId> ofExternalIdentity(String provider, String subject) {
        return jdbc.sql("select identity_tenant_of_external_identity(?, ?)")
                .params(provider, subject)
                .query(UUID.class)
                .optional()
                .map(TenantId::new);
    }

    boolean hasAnyUser() {
        return Boolean.TRUE.equals(
                jdbc.sql("select identity_has_any_user()").query(Boolean.class).single());
    }

    private Optional<TenantId> lookup(String sql, String key) {
        return jdbc.sql(sql).param(key).query(UUID.class).optional().map(TenantId::new);
    }
}
