package ai.revo.missioncontrol.identity;

import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People's names (display name, else email) for the feed and the audit log. */
@Component
class UserEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    UserEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "user";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<UUID> keys = EntityNames.uuids(ids);
        if (keys.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, coalesce(display_name, email) from users where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.tenantUuid())
                .param("ids", keys)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
