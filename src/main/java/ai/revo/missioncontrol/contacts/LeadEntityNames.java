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

/** A lead is named for its contact, for the feed and the audit log. */
@Component
class LeadEntityNames implements EntityNames {

    private final JdbcClient jdbc;

    LeadEntityNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "lead";
    }

    @Override
    public Map<String, String> names(TenantScoped tenant, Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        List<UUID> keys = EntityNames.uuids(ids);
        if (keys.isEmpty()) {
            return names;
        }
        jdbc.sql(
                        "select l.id, coalesce(nullif(trim(concat_ws(' ', c.first_name, c.last_name)), ''), c.email) from leads l join contacts c on c.tenant_id = l.tenant_id and c.id = l.contact_id where l.tenant_id = :tenant and l.id in (:ids)")
                .param("tenant", tenant.tenantUuid())
                .param("ids", keys)
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        names.values().removeIf(java.util.Objects::isNull);
        return names;
    }
}
