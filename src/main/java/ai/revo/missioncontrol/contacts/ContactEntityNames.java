package ai.revo.missioncontrol.contacts;

import ai.revo.missioncontrol.platform.EntityNames;
import ai.revo.missioncontrol.platform.TenantScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Contacts' names (first and last name, else the address) for the feed and the audit log. */
@Component
class ContactEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    ContactEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "contact";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<UUID> keys = EntityNames.uuids(ids);
        if (keys.isEmpty()) {
            return names;
        }
        jdbc.sql(
                        "select id, coalesce(nullif(trim(concat_ws(' ', first_name, last_name)), ''), email) from contacts where tenant_id = :tenant and id in (:ids)")
                .param("tenant", tenant.tenantUuid())
                .param("ids", keys)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
